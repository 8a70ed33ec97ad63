import type { ClockLevel } from '../lib/sla-countdown';

/** Small line icons drawn inline (no icon font to load, same look on every device). */
const paths: Record<ClockLevel, string> = {
  // A clock face.
  ok: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13ZM8 4v4l2.5 1.5',
  // A warning triangle with an exclamation mark.
  warning: 'M8 1.8 15 14H1L8 1.8ZM8 6v3.6M8 11.4v.1',
  // A stop octagon with a bar.
  breached: 'M5.2 1.5h5.6l3.7 3.7v5.6l-3.7 3.7H5.2l-3.7-3.7V5.2l3.7-3.7ZM4.5 8h7',
  // Two pause bars.
  paused: 'M5.5 3v10M10.5 3v10',
  // A tick.
  met: 'M2.5 8.5 6.5 12.5 13.5 4',
};

export function SlaIcon({ level }: { level: ClockLevel }) {
  return (
    <svg
      className="sla__icon"
      viewBox="0 0 16 16"
      width="14"
      height="14"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={paths[level]}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
