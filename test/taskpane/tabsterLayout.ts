// Tabster (Fluent's focus manager, behind the ranking's arrow-key list) takes an element with no
// offsetParent for display:none and a body with no size for a hidden frame, and then finds nothing to
// focus; jsdom lays nothing out. Call once in a test file: in each of its tests every element's
// offsetParent is its parent and the body has the pane's size.
export function giveTabsterALayout(): void {
  const offsetParent = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetParent')!;
  beforeEach(() => {
    Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
      configurable: true,
      get(this: HTMLElement) {
        return this.parentElement;
      },
    });
    jest.spyOn(document.body, 'getBoundingClientRect').mockReturnValue({ x: 0, y: 0, top: 0, left: 0, right: 320, bottom: 700, width: 320, height: 700, toJSON: () => ({}) });
  });
  afterEach(() => {
    Object.defineProperty(HTMLElement.prototype, 'offsetParent', offsetParent);
    jest.restoreAllMocks();
  });
}
