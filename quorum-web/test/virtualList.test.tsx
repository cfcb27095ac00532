import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { VirtualList } from '../src/components/VirtualList';

/**
 * jsdom lays nothing out. This gives the list the layout a phone gives it before any row is
 * measured: a viewport of 700 px, rows of 150 px (twice the estimate, as a narrow screen wraps a
 * bubble's text), spacers as tall as their style says, and a scrollTop clamped to the content.
 */
const VIEWPORT_PX = 700;
const ROW_PX = 150;

function heightOf(element: HTMLElement): number {
  if (element.classList.contains('vlist-row')) return ROW_PX;
  return Number.parseFloat(element.style.height) || 0;
}

function installLayout() {
  const scrollTops = new WeakMap<HTMLElement, number>();
  const isList = (element: HTMLElement) => element.classList.contains('vlist');
  const contentHeight = (element: HTMLElement) => Array.from(element.children).reduce((sum, child) => sum + heightOf(child as HTMLElement), 0);
  const properties: Record<string, PropertyDescriptor> = {
    clientHeight: { configurable: true, get: function (this: HTMLElement) { return isList(this) ? VIEWPORT_PX : 0; } },
    scrollHeight: { configurable: true, get: function (this: HTMLElement) { return isList(this) ? Math.max(contentHeight(this), VIEWPORT_PX) : 0; } },
    scrollTop: {
      configurable: true,
      get: function (this: HTMLElement) { return scrollTops.get(this) ?? 0; },
      set: function (this: HTMLElement, value: number) {
        const max = isList(this) ? Math.max(0, contentHeight(this) - VIEWPORT_PX) : 0;
        scrollTops.set(this, Math.min(Math.max(0, value), max));
      },
    },
  };
  const saved = Object.fromEntries(Object.keys(properties).map((name) => [name, Object.getOwnPropertyDescriptor(HTMLElement.prototype, name) ?? Object.getOwnPropertyDescriptor(Element.prototype, name)]));
  Object.defineProperties(HTMLElement.prototype, properties);
  return () => {
    for (const [name, descriptor] of Object.entries(saved)) {
      if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor);
      else delete (HTMLElement.prototype as unknown as Record<string, unknown>)[name];
    }
  };
}

const rows = Array.from({ length: 500 }, (_, i) => ({ id: `row-${i}`, text: `message ${i}` }));

describe('VirtualList', () => {
  let uninstall: () => void;
  beforeEach(() => {
    uninstall = installLayout();
  });
  afterEach(() => uninstall());

  it('follows the newest row when rows are taller than estimated, without re-rendering itself in a loop', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const reported: unknown[] = [];
    const onError = (event: ErrorEvent) => {
      reported.push(event.error);
      event.preventDefault();
    };
    window.addEventListener('error', onError);
    try {
      render(<VirtualList items={rows} itemKey={(row) => row.id} renderItem={(row) => <p>{row.text}</p>} followOutput ariaLabel="Rows" />);
      expect(reported.map(String)).toEqual([]);
      expect(errors).not.toHaveBeenCalled();
      expect(screen.getByText('message 499')).toBeInTheDocument();
      const list = screen.getByRole('list', { name: 'Rows' });
      expect(list.scrollTop).toBe(list.scrollHeight - list.clientHeight);
    } finally {
      window.removeEventListener('error', onError);
      errors.mockRestore();
    }
  });
});
