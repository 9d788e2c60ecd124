import '@testing-library/jest-dom';

// jsdom lacks the layout APIs Mantine and the virtualiser ask for; these answer as a 1280-wide screen would.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
Object.defineProperty(window, 'ResizeObserver', { writable: true, value: NoResizeObserver });
Object.defineProperty(window.HTMLElement.prototype, 'scrollIntoView', { writable: true, value: () => undefined });

// jsdom lays nothing out (every box is 0×0), so the virtualised tables would show no row; every element
// measures as a 1280×800 viewport's scroll box would.
for (const [name, size] of [
  ['offsetHeight', 800],
  ['clientHeight', 800],
  ['offsetWidth', 1280],
  ['clientWidth', 1280],
] as const) {
  Object.defineProperty(window.HTMLElement.prototype, name, { configurable: true, get: () => size });
}

// The router restores scroll positions; jsdom has no scrolling.
Object.defineProperty(window, 'scrollTo', { writable: true, value: () => undefined });
