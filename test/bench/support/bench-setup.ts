import { afterAll } from 'vitest';
import { figuresRecorded } from './bench-table.js';

// Every bench file must report through recordFigure, or its results would be missing from the table.
afterAll(() => {
  if (figuresRecorded() === 0) throw new Error('this bench file recorded no figure (recordFigure)');
});
