/**
 * After a 409: the form's values moved onto the incident as it now stands. Fields the user changed
 * keep the user's input; fields the user left alone take the other person's new value, so saving
 * again does not silently undo their change.
 */
export function rebaseValues<V extends object>(values: V, loaded: V, current: V): V {
  const next = { ...values };
  for (const key of Object.keys(loaded) as (keyof V)[]) {
    if (JSON.stringify(values[key]) === JSON.stringify(loaded[key])) next[key] = current[key];
  }
  return next;
}
