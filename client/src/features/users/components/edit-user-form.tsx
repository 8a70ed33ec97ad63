import {
  updateUserSchema,
  userSchema,
  type Locale,
  type Role,
  type UpdateUser,
  type User,
} from '@vigie/shared';
import { useState, type FormEvent } from 'react';
import { FormFooter } from '../../../components/ui/form-footer';
import { isApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { apiFieldErrors, zodFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useTenants } from '../../tenants/api/get-tenants';
import { useUpdateUser } from '../api/update-user';
import {
  DisplayNameField,
  LocaleField,
  OtherFieldErrors,
  PasswordField,
  RoleField,
  TenantField,
  userIssueMessage,
} from './user-form-fields';

interface EditUserValues {
  displayName: string;
  role: Role;
  tenantId: string;
  locale: Locale;
  active: boolean;
  password: string;
}

const shownFields = ['displayName', 'role', 'tenantId', 'locale', 'active', 'password'] as const;

function valuesOf(user: User): EditUserValues {
  return {
    displayName: user.displayName,
    role: user.role,
    tenantId: user.tenantId === null ? '' : String(user.tenantId),
    locale: user.locale,
    active: user.active,
    password: '',
  };
}

/** Only what changed, with the version the form was loaded from (the server answers 409 if stale). */
function patchOf(user: User, values: EditUserValues): UpdateUser {
  const patch: UpdateUser = { version: user.version };
  const tenantId = values.role === 'client_viewer' && values.tenantId !== '' ? Number(values.tenantId) : null;
  if (values.displayName.trim() !== user.displayName) patch.displayName = values.displayName;
  // Role and tenant travel together: the shared schema checks one against the other.
  if (values.role !== user.role || tenantId !== user.tenantId) {
    patch.role = values.role;
    patch.tenantId = tenantId;
  }
  if (values.locale !== user.locale) patch.locale = values.locale;
  if (values.active !== user.active) patch.active = values.active;
  if (values.password !== '') patch.password = values.password;
  return patch;
}

interface EditUserFormProps {
  user: User;
  /** Set when the form was reloaded after someone else changed the user. */
  stale: boolean;
  onSaved: (user: User) => void;
  onStale: (current: User) => void;
  onCancel: () => void;
}

export function EditUserForm({ user, stale, onSaved, onStale, onCancel }: EditUserFormProps) {
  const t = useT();
  const updateUser = useUpdateUser();
  const tenants = useTenants();
  const [values, setValues] = useState<EditUserValues>(() => valuesOf(user));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const set = <K extends keyof EditUserValues>(key: K, value: EditUserValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const patch = patchOf(user, values);
    if (Object.keys(patch).length === 1) {
      setErrors({});
      setFormError(t('users.noChanges'));
      return;
    }
    const parsed = updateUserSchema.safeParse(patch, { reportInput: true });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues, t, (issue) => userIssueMessage(issue, t)));
      setFormError(t('validation.fixErrors'));
      return;
    }
    setErrors({});
    setFormError(null);
    updateUser.mutate(
      { id: user.id, body: parsed.data },
      {
        onSuccess: onSaved,
        onError: (error) => {
          if (isApiError(error, 'stale_version')) {
            const current = userSchema.safeParse(error.current);
            if (current.success) {
              onStale(current.data);
              return;
            }
          }
          if (isApiError(error)) setErrors(apiFieldErrors(error));
          setFormError(isApiError(error, 'stale_version') ? t('users.staleVersion') : errorMessage(error, t));
        },
      },
    );
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {stale && (
        <p className="alert alert--warning" role="alert">
          {t('users.staleVersion')}
        </p>
      )}
      <div className="form__grid">
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
          label={t('users.newPassword')}
          hint={t('users.newPasswordHint')}
          value={values.password}
          onChange={(password) => set('password', password)}
          error={errors.password}
        />
        <div className={errors.active ? 'field field--invalid' : 'field'}>
          <label className="checkbox">
            <input
              type="checkbox"
              name="active"
              checked={values.active}
              onChange={(event) => set('active', event.target.checked)}
            />
            {t('users.activeLabel')}
          </label>
          {errors.active && <p className="field__error">{errors.active}</p>}
        </div>
      </div>
      <OtherFieldErrors errors={errors} shown={shownFields} />
      <FormFooter
        formError={formError}
        submitLabel={t('common.save')}
        pending={updateUser.isPending}
        onCancel={onCancel}
      />
    </form>
  );
}
