// The outcome of the last run or operation, with what the user can do next.
// Announced politely; focus stays where the user left it.

import { Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { RunAction, RunMessage } from './runMessage';
import { useSectionStyles } from '../styles';

export type RunStatusProps = {
  messages: RunMessage[];
  onAction: (action: RunAction) => void;
};

export function RunStatus({ messages, onAction }: RunStatusProps) {
  const section = useSectionStyles();
  return (
    <div className={section.section} role="status" aria-live="polite">
      {messages.map((message, i) =>
        // A plan written is one quiet line: the plan itself, just below, is what the room reads.
        message.intent === 'success' && message.actions.length === 0 ? (
          <Caption1 key={`${message.title}-${i}`} className={section.quiet}>
            {message.title && <span>{message.title}</span>}
            {message.title && ': '}
            {message.text}
          </Caption1>
        ) : (
        <MessageBar key={`${message.title}-${i}`} intent={message.intent} layout="multiline">
          <MessageBarBody>
            {/* The space keeps "Plan written" and the sentence after it two words apart for a screen reader. */}
            {message.title && <MessageBarTitle>{message.title}</MessageBarTitle>}
            {message.title && ' '}
            {message.text}
          </MessageBarBody>
          {message.actions.length > 0 && (
            <MessageBarActions>
              {message.actions.map(({ label, action }) => (
                <Button key={label} size="small" onClick={() => onAction(action)}>
                  {label}
                </Button>
              ))}
            </MessageBarActions>
          )}
        </MessageBar>
        ),
      )}
    </div>
  );
}
