import { createUserSchema, defaultLocale, type Locale, type Role, type User } from '@vigie/shared';
import { useState, type FormEvent } from 'react';
import { FormField } from '../../../components/ui/form-field';
import { FormFooter } from '../../../components/ui/form-footer';
import { isApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { apiFieldErrors, zodFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useCreateUser } from '../api/create-user';
import { useTenants } from '../../tenants/api/get-tenants';
import {
  DisplayNameField,
  LocaleField,
  OtherFieldErrors,
  PasswordField,
  RoleField,
  TenantField,
  userIssueMessage,
} from './user-form-fields';

interface CreateUserValues {
  username: string;
  displayName: string;
  role: Role;
  tenantId: string;
  locale: Locale;
  password: string;
}

const shownFields = ['username', 'displayName', 'role', 'tenantId', 'locale', 'password'] as const;

export function CreateUserForm({
  onCreated,
  onCancel,
}: {
  onCreated: (user: User) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const createUser = useCreateUser();
  const tenants = useTenants();
  const [values, setValues] = useState<CreateUserValues>({
    username: '',
    displayName: '',
    role: 'technician',
    tenantId: '',
    locale: defaultLocale,
    password: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const set = <K extends keyof CreateUserValues>(key: K, value: CreateUserValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = createUserSchema.safeParse(
      {
        username: values.username,
        displayName: values.displayName,
        role: values.role,
        tenantId: values.role === 'client_viewer' && values.tenantId !== '' ? Number(values.tenantId) : null,
        locale: values.locale,
        password: values.password,
      },
      { reportInput: true },
    );
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues, t, (issue) => userIssueMessage(issue, t)));
      setFormError(t('validation.fixErrors'));
      return;
    }
    setErrors({});
    setFormError(null);
    createUser.mutate(parsed.data, {
      onSuccess: onCreated,
      onError: (error) => {
        if (isApiError(error)) setErrors(apiFieldErrors(error));
        setFormError(errorMessage(error, t));
      },
    });
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <div className="form__grid">
        <FormField
          label={t('users.username')}
          hint={t('users.usernameHint')}
          error={errors.username}
          required
        >
          {(control) => (
            <input
              {...control}
              className="input"
              name="username"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              autoFocus
              value={values.username}
              onChange={(event) => set('username', event.target.value)}
            />
          )}
        </FormField>
        <DisplayNameField
          value={values.displayName}
          onChange={(displayName) => set('displayName', displayName)}
          error={errors.displayName}
        />
        <RoleField value={values.role} onChange={(role) => set('role', role)} error={errors.role} />
        {values.role === 'client_viewer' && (
          <TenantField
            value={values.tenantId}
            onChange={(tenantId) => set('tenantId', tenantId)}
            error={errors.tenantId}
            tenants={tenants.data?.items}
            tenantsError={tenants.isError}
          />
        )}
        <LocaleField
          value={values.locale}
          onChange={(locale) => set('locale', locale)}
          error={errors.locale}
        />
        <PasswordField
          label={t('users.password')}
          hint={t('users.passwordHint')}
          value={values.password}
          onChange={(password) => set('password', password)}
          error={errors.password}
          required
        />
      </div>
      <OtherFieldErrors errors={errors} shown={shownFields} />
      <FormFooter
        formError={formError}
        submitLabel={t('users.create')}
        pending={createUser.isPending}
        onCancel={onCancel}
      />
    </form>
  );
}
