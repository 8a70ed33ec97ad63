import { ApiError, ResponseShapeError } from './api-client';
import type { Translate } from './i18n/translate';

/** A sentence for the user, in their language, for anything a request can throw. */
export function errorMessage(error: unknown, t: Translate): string {
  if (error instanceof ApiError) return t(`error.${error.code}`);
  // fetch rejects with a TypeError when the network or the server is down.
  if (error instanceof TypeError) return t('error.network');
  if (error instanceof ResponseShapeError) return t('error.unexpected');
  return t('error.unexpected');
}
