import { locales, roles, type Locale, type Role, type Tenant } from '@vigie/shared';
import type { z } from 'zod';
import { FormField } from '../../../components/ui/form-field';
import type { FieldErrors } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n/i18n-provider';
import type { Translate } from '../../../lib/i18n/translate';
import { TenantOptions } from '../../tenants/components/tenant-options';

/** How the users forms word the shared schema's rules that need more than a generic message. */
export function userIssueMessage(issue: z.core.$ZodIssue, t: Translate): string | undefined {
  const field = issue.path[0];
  if (field === 'username' && issue.code === 'invalid_format') return t('validation.usernameFormat');
  if (field === 'tenantId' && issue.code === 'custom') return t('validation.tenantRequired');
  return undefined;
}

export function DisplayNameField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (displayName: string) => void;
  error: string | undefined;
}) {
  const t = useT();
  return (
    <FormField label={t('users.displayName')} error={error} required>
      {(control) => (
        <input
          {...control}
          className="input"
          name="displayName"
          autoComplete="off"
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FormField>
  );
}

/** A password being set for someone: never autofilled with the admin's own. */
export function PasswordField({
  label,
  hint,
  value,
  onChange,
  error,
  required,
}: {
  label: string;
  hint: string;
  value: string;
  onChange: (password: string) => void;
  error: string | undefined;
  required?: boolean;
}) {
  return (
    <FormField label={label} hint={hint} error={error} required={required}>
      {(control) => (
        <input
          {...control}
          className="input"
          name="password"
          type="password"
          autoComplete="new-password"
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FormField>
  );
}

export function RoleField({
  value,
  onChange,
  error,
}: {
  value: Role;
  onChange: (role: Role) => void;
  error: string | undefined;
}) {
  const t = useT();
  return (
    <FormField label={t('users.role')} error={error} required>
      {(control) => (
        <select
          {...control}
          className="input"
          value={value}
          onChange={(event) => {
            const role = roles.find((candidate) => candidate === event.target.value);
            if (role) onChange(role);
          }}
        >
          {roles.map((role) => (
            <option key={role} value={role}>
              {t(`role.${role}`)}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

export function TenantField({
  value,
  onChange,
  error,
  tenants,
  tenantsError,
}: {
  value: string;
  onChange: (tenantId: string) => void;
  error: string | undefined;
  tenants: readonly Tenant[] | undefined;
  tenantsError: boolean;
}) {
  const t = useT();
  return (
    <FormField
      label={t('users.tenant')}
      error={error ?? (tenantsError ? t('users.tenantsError') : undefined)}
      required
    >
      {(control) => (
        <select
          {...control}
          className="input"
          value={value}
          disabled={!tenants}
          onChange={(event) => onChange(event.target.value)}
        >
          <option value="">{tenants ? t('users.tenantChoose') : t('common.loading')}</option>
          {tenants && <TenantOptions tenants={tenants} />}
        </select>
      )}
    </FormField>
  );
}

export function LocaleField({
  value,
  onChange,
  error,
}: {
  value: Locale;
  onChange: (locale: Locale) => void;
  error: string | undefined;
}) {
  const t = useT();
  return (
    <FormField label={t('users.locale')} error={error}>
      {(control) => (
        <select
          {...control}
          className="input"
          value={value}
          onChange={(event) => {
            const locale = locales.find((candidate) => candidate === event.target.value);
            if (locale) onChange(locale);
          }}
        >
          {locales.map((locale) => (
            <option key={locale} value={locale} lang={locale}>
              {t(`language.${locale}`)}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

/** Field errors for paths no field shows (so that nothing the server says is silently dropped). */
export function OtherFieldErrors({ errors, shown }: { errors: FieldErrors; shown: readonly string[] }) {
  const others = Object.entries(errors).filter(([path]) => !shown.includes(path));
  if (others.length === 0) return null;
  return (
    <ul className="alert alert--error">
      {others.map(([path, message]) => (
        <li key={path}>
          {path}: {message}
        </li>
      ))}
    </ul>
  );
}
