import { defineEntity, p } from '@mikro-orm/core';

/** One failed sign-in; counted per account and per address to rate-limit guessing. */
const LoginFailureSchema = defineEntity({
  name: 'LoginFailure',
  indexes: [{ properties: ['username', 'at'] }, { properties: ['ip', 'at'] }],
  properties: {
    id: p.integer().primary(),
    username: p.string().length(64),
    ip: p.string().length(64),
    at: p.datetime(),
  },
});

export class LoginFailure extends LoginFailureSchema.class {}
LoginFailureSchema.setClass(LoginFailure);
