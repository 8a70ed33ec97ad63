import { expect, request, type APIRequestContext } from '@playwright/test';
import { userSchema, type CreateUser, type UpdateUser, type User } from '@vigie/shared';
import { demoPassword } from './sign-in.js';

/** An API session of its own (not the page's cookies), signed in as the given user. */
export async function apiAs(
  baseURL: string,
  username: string,
  password = demoPassword,
): Promise<APIRequestContext> {
  const context = await request.newContext({ baseURL });
  const response = await context.post('/api/auth/login', { data: { username, password } });
  expect(response.status()).toBe(200);
  return context;
}

export function uniqueUsername(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

export async function createUser(admin: APIRequestContext, body: CreateUser): Promise<User> {
  const response = await admin.post('/api/users', { data: body });
  expect(response.status()).toBe(201);
  return userSchema.parse(await response.json());
}

export async function updateUser(admin: APIRequestContext, id: number, body: UpdateUser): Promise<User> {
  const response = await admin.patch(`/api/users/${id}`, { data: body });
  expect(response.status()).toBe(200);
  return userSchema.parse(await response.json());
}
