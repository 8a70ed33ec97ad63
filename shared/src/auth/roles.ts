import { z } from 'zod';

export const roles = ['admin', 'coordinator', 'technician', 'manager', 'client_viewer'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Every action a route or live subscription can require (DESIGN.md §4). */
export const permissions = [
  'inventory.read',
  'inventory.write',
  'incident.read',
  'incident.create',
  'incident.triage',
  'run.read',
  'run.tick',
  'step.verify',
  'task.read',
  'task.define',
  'report.read',
  'contract.read',
  'contract.write',
  'user.manage',
  'audit.verify',
  'shift.read',
  'shift.write',
] as const;
export type Permission = (typeof permissions)[number];

/** The role table of DESIGN.md §4: the one place that says who may do what. */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: permissions,
  coordinator: [
    'inventory.read',
    'inventory.write',
    'incident.read',
    'incident.create',
    'incident.triage',
    'run.read',
    'run.tick',
    'step.verify',
    'task.read',
    'task.define',
    'report.read',
    'shift.read',
    'shift.write',
  ],
  technician: [
    'inventory.read',
    'incident.read',
    'incident.create',
    'run.read',
    'run.tick',
    'step.verify',
    'task.read',
    'shift.read',
  ],
  manager: [
    'inventory.read',
    'incident.read',
    'run.read',
    'task.read',
    'report.read',
    'contract.read',
    'shift.read',
  ],
  client_viewer: ['inventory.read', 'incident.read', 'report.read'],
};

export function can(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}

/** Roles whose reads are limited to their own tenant. */
export function isTenantScoped(role: Role): boolean {
  return role === 'client_viewer';
}
