// Agreeing the weights: three questions for the room, each "which matters
// more, and how much", the weights they imply and whether the answers agree
// with each other. The weights change only when the user confirms.

import { Button, Caption1, Field, MessageBar, MessageBarBody, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { CONSISTENCY_LIMIT, EQUAL_ANSWERS, PAIRS, weightsFromAnswers, type Answer, type Answers, type Criterion } from '../../engine/weights/pairwise';
import { answerText, disagreementText } from '../../engine/weights/pairwiseText';
import type { Weights } from '../../engine/types';
import { useSectionStyles } from '../styles';
import { roomRange, roomRangeText, type WeightRanges } from '../model/roomRange';

export type WeightsExerciseProps = {
  /** The weights in the pane now, to say what would change. */
  current: Weights;
  /** The proposal to use, and the room's range of each weight once the room kept proposals (undefined: the ranges stay as they are). */
  onApply: (weights: Weights, ranges: WeightRanges | undefined) => void;
};

const useStyles = makeStyles({ figures: { fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold } });

const LABEL: Record<Criterion, string> = { impact: 'Impact', readiness: 'Readiness', friction: 'Friction' };
const STEPS: Answer[] = [4, 3, 2, 1, 0, -1, -2, -3, -4];

const ratioText = (ratio: number) => ratio.toFixed(2);

export function WeightsExercise({ current, onApply }: WeightsExerciseProps) {
  const section = useSectionStyles();
  const styles = useStyles();
  const [answers, setAnswers] = useState<Answers>(EQUAL_ANSWERS);
  const [applied, setApplied] = useState(false);
  /** The proposals the room kept: each weight's range runs from the lowest to the highest of them. */
  const [kept, setKept] = useState<Weights[]>([]);
  const proposal = weightsFromAnswers(answers);
  const disagreement = disagreementText(answers);
  const { impact, readiness, friction } = proposal.weights;
  const same = impact === current.impact && readiness === current.readiness && friction === current.friction;
  const isKept = kept.some((k) => k.impact === impact && k.readiness === readiness && k.friction === friction);
  // The weights used are a proposal too: the range holds them.
  const ranges = kept.length === 0 ? {} : roomRange(isKept ? kept : [...kept, proposal.weights]);
  return (
    <div className={section.section}>
      <Caption1 className={section.quiet}>
        Answer three questions together. Each compares two of the criteria the score weighs; the weights follow from the answers (the analytic hierarchy
        process). Friction stands for how much a light change load counts, as its weight does.
      </Caption1>
      {PAIRS.map(({ key, first, second }) => (
        <Field key={key} label={`${LABEL[first]} or ${LABEL[second].toLowerCase()}: which matters more, and how much?`}>
          <Select className={section.select} value={String(answers[key])} onChange={(_, data) => {
              setAnswers({ ...answers, [key]: Number(data.value) as Answer });
              setApplied(false);
            }}>
            {STEPS.map((step) => (
              <option key={step} value={String(step)}>
                {answerText(key, step)}
              </option>
            ))}
          </Select>
        </Field>
      ))}
      <Text role="status">
        Proposed weights: impact <span className={styles.figures}>{impact}</span>, readiness <span className={styles.figures}>{readiness}</span>, friction{' '}
        <span className={styles.figures}>{friction}</span>.
      </Text>
      {proposal.consistent ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            Your answers are consistent (consistency ratio {ratioText(proposal.consistencyRatio)}; up to {ratioText(CONSISTENCY_LIMIT)} counts as consistent).
          </MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            Your answers are inconsistent (consistency ratio {ratioText(proposal.consistencyRatio)}, above {ratioText(CONSISTENCY_LIMIT)}). {disagreement} Revisit one of
            those answers before using the weights.
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={section.actions}>
        <Button appearance={proposal.consistent ? 'primary' : 'secondary'} disabled={same && kept.length === 0} onClick={() => {
            onApply(proposal.weights, kept.length === 0 ? undefined : ranges);
            setApplied(true);
          }}
        >
          {proposal.consistent ? 'Use these weights' : 'Use these weights anyway'}
        </Button>
        <Button disabled={isKept} onClick={() => setKept([...kept, proposal.weights])}>
          Keep this proposal for the range
        </Button>
        {same && !applied && kept.length === 0 && <Caption1 className={section.quiet}>The weights are already these.</Caption1>}
      </div>
      <Caption1 className={section.quiet}>
        {kept.length === 0
          ? 'Each person may propose weights: keep each proposal, and How sure is the plan varies every weight between the lowest and highest proposed.'
          : `${kept.length} ${kept.length === 1 ? 'proposal' : 'proposals'} kept. The room's range: ${roomRangeText(ranges)}.`}
        {kept.length > 0 && (
          <>
            {' '}
            <Button appearance="transparent" size="small" onClick={() => setKept([])}>
              Forget the kept proposals
            </Button>
          </>
        )}
      </Caption1>
      {applied && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            The weights under Weights and limits are now {impact}, {readiness} and {friction}
            {Object.keys(ranges).length > 0 ? `, within the room's range (${roomRangeText(ranges)})` : ''}. Run (or Save settings) to keep them in the workbook.
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
