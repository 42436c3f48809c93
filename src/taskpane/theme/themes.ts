// The pane follows the Office theme: light, dark, or high contrast when the
// system forces its colours. Plain functions, so the mapping is tested without Office.

import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

export type PaneTheme = 'light' | 'dark' | 'highContrast';

export const PANE_THEMES: { value: PaneTheme; label: string }[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'highContrast', label: 'High contrast' },
];

export const fluentTheme = (theme: PaneTheme): Theme =>
  theme === 'dark' ? webDarkTheme : theme === 'highContrast' ? teamsHighContrastTheme : webLightTheme;

/** What Office.context.officeTheme offers (all optional: older hosts give less). */
export type OfficeThemeColours = { bodyBackgroundColor?: string; isDarkTheme?: boolean };

/** Relative luminance of "#rrggbb" (or "#rgb"), 0 black to 1 white; undefined when it cannot be read. */
export function luminance(colour: string | undefined): number | undefined {
  const hex = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour?.trim() ?? '')?.[1];
  if (!hex) return undefined;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const channel = parseInt(full.slice(i, i + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The pane theme for Office's colours; forced colours (Windows high contrast) win. */
export function themeFromOffice(office: OfficeThemeColours | undefined, forcedColors: boolean): PaneTheme {
  if (forcedColors) return 'highContrast';
  if (office?.isDarkTheme) return 'dark';
  const light = luminance(office?.bodyBackgroundColor);
  return light !== undefined && light < 0.2 ? 'dark' : 'light';
}
