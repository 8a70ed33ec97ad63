import { parseCookie, stringifySetCookie } from 'cookie';

export const sessionCookieName = 'vigie_session';

export function readSessionToken(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  const token = parseCookie(cookieHeader)[sessionCookieName];
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : undefined;
}

function setCookie(value: string, maxAge: number, secure: boolean): string {
  return stringifySetCookie({
    name: sessionCookieName,
    value,
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/',
    maxAge,
  });
}

export const sessionCookie = (token: string, maxAgeSeconds: number, secure: boolean) =>
  setCookie(token, maxAgeSeconds, secure);

export const clearedSessionCookie = (secure: boolean) => setCookie('', 0, secure);
