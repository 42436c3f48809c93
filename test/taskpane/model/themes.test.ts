import { luminance, themeFromOffice } from '../../../src/taskpane/theme/themes';

describe('following the Office theme', () => {
  test('forced colours mean high contrast whatever Office says', () => {
    expect(themeFromOffice({ bodyBackgroundColor: '#ffffff' }, true)).toBe('highContrast');
  });

  test('a dark Office theme is dark', () => {
    expect(themeFromOffice({ isDarkTheme: true }, false)).toBe('dark');
  });

  test('a dark body background is dark even when isDarkTheme is missing', () => {
    expect(themeFromOffice({ bodyBackgroundColor: '#262626' }, false)).toBe('dark');
  });

  test('light or unreadable colours, or no Office at all, are light', () => {
    expect(themeFromOffice({ bodyBackgroundColor: '#e6e6e6' }, false)).toBe('light');
    expect(themeFromOffice({ bodyBackgroundColor: 'not a colour' }, false)).toBe('light');
    expect(themeFromOffice(undefined, false)).toBe('light');
  });

  test('luminance reads short and long hex colours', () => {
    expect(luminance('#fff')).toBeCloseTo(1);
    expect(luminance('000000')).toBe(0);
    expect(luminance('#12345')).toBeUndefined();
  });
});
