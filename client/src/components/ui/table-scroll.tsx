import type { ReactNode } from 'react';

/**
 * The box a wide table scrolls in on narrow screens: focusable, so keyboard users can scroll it
 * (WCAG 2.1.1), and named, so screen readers say what that tab stop is. A group, not a region:
 * the table often shares its name with the section around it, and landmarks must be unique.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" tabIndex={0} role="group" aria-label={label}>
      {children}
    </div>
  );
}
