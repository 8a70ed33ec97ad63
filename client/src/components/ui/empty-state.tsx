import type { ReactNode } from 'react';

interface EmptyStateProps {
  title: string;
  children?: ReactNode;
  /** The heading level that fits where the empty state sits in the page outline. */
  headingLevel?: 1 | 2 | 3;
  tone?: 'neutral' | 'coming-soon';
}

export function EmptyState({ title, children, headingLevel = 2, tone = 'neutral' }: EmptyStateProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className={`empty-state empty-state--${tone}`}>
      <Heading className="empty-state__title">{title}</Heading>
      {children}
    </div>
  );
}
