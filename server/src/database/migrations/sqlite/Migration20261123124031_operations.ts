import { Migration } from '@mikro-orm/migrations';

export class Migration20261123124031_operations extends Migration {

  override name = 'Migration20261123124031_operations';

  override up(): void | Promise<void> {
    this.addSql(`create table \`idempotency_key\` (\`id\` integer not null primary key autoincrement, \`user_id\` integer not null, \`key\` text not null, \`fingerprint\` text not null, \`status\` integer not null, \`body\` text not null, \`created_at\` datetime not null, \`expires_at\` datetime not null);`);
    this.addSql(`create index \`idempotency_key_expires_at_index\` on \`idempotency_key\` (\`expires_at\`);`);
    this.addSql(`create unique index \`idempotency_key_user_id_key_unique\` on \`idempotency_key\` (\`user_id\`, \`key\`);`);

    this.addSql(`create table \`procedure_version\` (\`hash\` text not null primary key, \`procedure_id\` text not null, \`file\` text not null, \`source\` text null, \`content\` json not null, \`pinned_at\` datetime not null);`);
    this.addSql(`create index \`procedure_version_procedure_id_index\` on \`procedure_version\` (\`procedure_id\`);`);

    this.addSql(`create table \`public_holiday\` (\`id\` integer not null primary key autoincrement, \`country_code\` text not null, \`date\` date not null, \`name\` text not null, \`created_at\` datetime not null);`);
    this.addSql(`create unique index \`public_holiday_country_code_date_unique\` on \`public_holiday\` (\`country_code\`, \`date\`);`);

    this.addSql(`create table \`procedure_run\` (\`id\` integer not null primary key autoincrement, \`procedure_version_hash\` text not null, \`procedure_id\` text not null, \`context_kind\` text check (\`context_kind\` in ('incident', 'occurrence', 'none')) not null, \`context_id\` integer null, \`context_label\` text null, \`state\` text check (\`state\` in ('in_progress', 'completed', 'aborted')) not null, \`abort_reason\` text null, \`started_by_id\` integer not null, \`started_at\` datetime not null, \`assignee_id\` integer null, \`ended_by_id\` integer null, \`ended_at\` datetime null, \`signed_steps\` integer not null default 0, \`required_steps\` integer not null, \`total_steps\` integer not null, \`awaiting_verification\` integer not null default 0, \`failed_steps\` integer not null default 0, \`out_of_range_steps\` integer not null default 0, \`version\` integer not null default 1, constraint \`procedure_run_procedure_version_hash_foreign\` foreign key (\`procedure_version_hash\`) references \`procedure_version\` (\`hash\`), constraint \`procedure_run_started_by_id_foreign\` foreign key (\`started_by_id\`) references \`app_user\` (\`id\`), constraint \`procedure_run_assignee_id_foreign\` foreign key (\`assignee_id\`) references \`app_user\` (\`id\`) on delete set null, constraint \`procedure_run_ended_by_id_foreign\` foreign key (\`ended_by_id\`) references \`app_user\` (\`id\`) on delete set null);`);
    this.addSql(`create index \`procedure_run_procedure_version_hash_index\` on \`procedure_run\` (\`procedure_version_hash\`);`);
    this.addSql(`create index \`procedure_run_procedure_id_index\` on \`procedure_run\` (\`procedure_id\`);`);
    this.addSql(`create index \`procedure_run_started_by_id_index\` on \`procedure_run\` (\`started_by_id\`);`);
    this.addSql(`create index \`procedure_run_assignee_id_index\` on \`procedure_run\` (\`assignee_id\`);`);
    this.addSql(`create index \`procedure_run_ended_by_id_index\` on \`procedure_run\` (\`ended_by_id\`);`);
    this.addSql(`create index \`procedure_run_context_kind_context_id_index\` on \`procedure_run\` (\`context_kind\`, \`context_id\`);`);
    this.addSql(`create index \`procedure_run_state_id_index\` on \`procedure_run\` (\`state\`, \`id\`);`);

    this.addSql(`create table \`step_record\` (\`id\` integer not null primary key autoincrement, \`run_id\` integer not null, \`step_id\` text not null, \`revision\` integer not null, \`supersedes\` integer null, \`outcome\` text check (\`outcome\` in ('done', 'failed', 'skipped', 'not_applicable')) not null, \`reading_value\` real null, \`reading_unit\` text check (\`reading_unit\` in ('°C', '%', '%RH', 'kW', 'kVA', 'kWh', 'V', 'A', 'Hz', 'L', 'bar', 'Pa', 'ppm', 'min', 'h', 's', 'kg', 'MΩ', 'dBm')) null, \`reading_min\` real null, \`reading_max\` real null, \`in_range\` integer null, \`deviation\` integer not null, \`comment\` text null, \`reason\` text null, \`evidence\` json not null, \`performed_by_id\` integer not null, \`performed_at\` datetime not null, \`device_time\` datetime null, constraint \`step_record_run_id_foreign\` foreign key (\`run_id\`) references \`procedure_run\` (\`id\`), constraint \`step_record_performed_by_id_foreign\` foreign key (\`performed_by_id\`) references \`app_user\` (\`id\`));`);
    this.addSql(`create index \`step_record_run_id_index\` on \`step_record\` (\`run_id\`);`);
    this.addSql(`create index \`step_record_performed_by_id_index\` on \`step_record\` (\`performed_by_id\`);`);
    this.addSql(`create unique index \`step_record_run_id_step_id_revision_unique\` on \`step_record\` (\`run_id\`, \`step_id\`, \`revision\`);`);

    this.addSql(`create table \`step_verification\` (\`id\` integer not null primary key autoincrement, \`record_id\` integer not null, \`verified_by_id\` integer not null, \`verified_at\` datetime not null, \`comment\` text null, constraint \`step_verification_record_id_foreign\` foreign key (\`record_id\`) references \`step_record\` (\`id\`), constraint \`step_verification_verified_by_id_foreign\` foreign key (\`verified_by_id\`) references \`app_user\` (\`id\`));`);
    this.addSql(`create unique index \`step_verification_record_id_unique\` on \`step_verification\` (\`record_id\`);`);
    this.addSql(`create index \`step_verification_verified_by_id_index\` on \`step_verification\` (\`verified_by_id\`);`);

    this.addSql(`create table \`run_evidence\` (\`id\` integer not null primary key autoincrement, \`run_id\` integer not null, \`sha256\` text not null, \`name\` text not null, \`size\` integer not null, \`content_type\` text not null, \`uploaded_by_id\` integer not null, \`uploaded_at\` datetime not null, constraint \`run_evidence_run_id_foreign\` foreign key (\`run_id\`) references \`procedure_run\` (\`id\`), constraint \`run_evidence_uploaded_by_id_foreign\` foreign key (\`uploaded_by_id\`) references \`app_user\` (\`id\`));`);
    this.addSql(`create index \`run_evidence_run_id_index\` on \`run_evidence\` (\`run_id\`);`);
    this.addSql(`create index \`run_evidence_uploaded_by_id_index\` on \`run_evidence\` (\`uploaded_by_id\`);`);
    this.addSql(`create unique index \`run_evidence_run_id_sha256_unique\` on \`run_evidence\` (\`run_id\`, \`sha256\`);`);

    this.addSql(`create table \`incident\` (\`id\` integer not null primary key autoincrement, \`title\` text not null, \`description\` text not null, \`category\` text check (\`category\` in ('cooling', 'power', 'fire', 'water', 'environment', 'network', 'hardware', 'security', 'access', 'client-request', 'inspection', 'maintenance')) null, \`origin\` text check (\`origin\` in ('monitoring', 'client', 'round', 'staff')) not null, \`impact\` integer not null, \`urgency\` integer not null, \`major\` integer not null default false, \`priority\` text check (\`priority\` in ('P0', 'P1', 'P2', 'P3', 'P4')) not null, \`status\` text check (\`status\` in ('new', 'acknowledged', 'in_progress', 'pending', 'mitigated', 'resolved', 'closed', 'reopened', 'cancelled')) not null, \`pending_reason\` text check (\`pending_reason\` in ('client', 'vendor', 'parts', 'window', 'access')) null, \`resolution_code\` text check (\`resolution_code\` in ('repaired', 'replaced', 'reconfigured', 'vendor_fixed', 'client_resolved', 'self_recovered', 'no_fault_found')) null, \`solution\` text null, \`cancellation_reason\` text check (\`cancellation_reason\` in ('duplicate', 'false_positive')) null, \`duplicate_of_id\` integer null, \`site_id\` integer null, \`room_id\` integer null, \`tenants_derived\` integer not null default true, \`assignee_id\` integer null, \`workaround\` text null, \`root_cause\` text null, \`escalation_level\` integer not null default 0, \`sla_contract_id\` integer null, \`board_rank\` text not null, \`next_due_at\` datetime null, \`opened_at\` datetime not null, \`acknowledged_at\` datetime null, \`mitigated_at\` datetime null, \`resolved_at\` datetime null, \`closed_at\` datetime null, \`cancelled_at\` datetime null, \`created_by_id\` integer null, \`updated_by_id\` integer null, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`incident_duplicate_of_id_foreign\` foreign key (\`duplicate_of_id\`) references \`incident\` (\`id\`) on delete set null, constraint \`incident_site_id_foreign\` foreign key (\`site_id\`) references \`site\` (\`id\`) on delete set null, constraint \`incident_room_id_foreign\` foreign key (\`room_id\`) references \`room\` (\`id\`) on delete set null, constraint \`incident_assignee_id_foreign\` foreign key (\`assignee_id\`) references \`app_user\` (\`id\`) on delete set null, constraint \`incident_created_by_id_foreign\` foreign key (\`created_by_id\`) references \`app_user\` (\`id\`) on delete set null, constraint \`incident_updated_by_id_foreign\` foreign key (\`updated_by_id\`) references \`app_user\` (\`id\`) on delete set null);`);
    this.addSql(`create index \`incident_status_index\` on \`incident\` (\`status\`);`);
    this.addSql(`create index \`incident_duplicate_of_id_index\` on \`incident\` (\`duplicate_of_id\`);`);
    this.addSql(`create index \`incident_site_id_index\` on \`incident\` (\`site_id\`);`);
    this.addSql(`create index \`incident_room_id_index\` on \`incident\` (\`room_id\`);`);
    this.addSql(`create index \`incident_assignee_id_index\` on \`incident\` (\`assignee_id\`);`);
    this.addSql(`create index \`incident_board_rank_index\` on \`incident\` (\`board_rank\`);`);
    this.addSql(`create index \`incident_created_by_id_index\` on \`incident\` (\`created_by_id\`);`);
    this.addSql(`create index \`incident_updated_by_id_index\` on \`incident\` (\`updated_by_id\`);`);

    this.addSql(`create table \`incident_timeline_entry\` (\`id\` integer not null primary key autoincrement, \`incident_id\` integer not null, \`at\` datetime not null, \`author_id\` integer null, \`kind\` text check (\`kind\` in ('transition', 'field_change', 'note', 'sla_warning', 'sla_breach', 'escalation')) not null, \`details\` json not null, constraint \`incident_timeline_entry_incident_id_foreign\` foreign key (\`incident_id\`) references \`incident\` (\`id\`), constraint \`incident_timeline_entry_author_id_foreign\` foreign key (\`author_id\`) references \`app_user\` (\`id\`) on delete set null);`);
    this.addSql(`create index \`incident_timeline_entry_incident_id_index\` on \`incident_timeline_entry\` (\`incident_id\`);`);
    this.addSql(`create index \`incident_timeline_entry_author_id_index\` on \`incident_timeline_entry\` (\`author_id\`);`);

    this.addSql(`create table \`incident_sla_clock\` (\`id\` integer not null primary key autoincrement, \`incident_id\` integer not null, \`metric\` text check (\`metric\` in ('ack', 'restore', 'resolve')) not null, \`state\` text check (\`state\` in ('running', 'paused', 'met', 'breached')) not null, \`target_minutes\` integer not null, \`due_at\` datetime null, \`warn_at\` datetime null, \`elapsed_minutes\` real not null, \`paused_minutes\` real not null, \`stopped_at\` datetime null, \`breached_at\` datetime null, \`warning_recorded_at\` datetime null, \`breach_recorded_at\` datetime null, constraint \`incident_sla_clock_incident_id_foreign\` foreign key (\`incident_id\`) references \`incident\` (\`id\`));`);
    this.addSql(`create index \`incident_sla_clock_incident_id_index\` on \`incident_sla_clock\` (\`incident_id\`);`);
    this.addSql(`create index \`incident_sla_clock_state_warn_at_index\` on \`incident_sla_clock\` (\`state\`, \`warn_at\`);`);
    this.addSql(`create index \`incident_sla_clock_state_due_at_index\` on \`incident_sla_clock\` (\`state\`, \`due_at\`);`);
    this.addSql(`create unique index \`incident_sla_clock_incident_id_metric_unique\` on \`incident_sla_clock\` (\`incident_id\`, \`metric\`);`);

    this.addSql(`create table \`incident_tenants\` (\`incident_id\` integer not null, \`tenant_id\` integer not null, primary key (\`incident_id\`, \`tenant_id\`), constraint \`incident_tenants_incident_id_foreign\` foreign key (\`incident_id\`) references \`incident\` (\`id\`) on update cascade on delete cascade, constraint \`incident_tenants_tenant_id_foreign\` foreign key (\`tenant_id\`) references \`tenant\` (\`id\`) on update cascade on delete cascade);`);
    this.addSql(`create index \`incident_tenants_incident_id_index\` on \`incident_tenants\` (\`incident_id\`);`);
    this.addSql(`create index \`incident_tenants_tenant_id_index\` on \`incident_tenants\` (\`tenant_id\`);`);

    this.addSql(`create table \`incident_racks\` (\`incident_id\` integer not null, \`rack_id\` integer not null, primary key (\`incident_id\`, \`rack_id\`), constraint \`incident_racks_incident_id_foreign\` foreign key (\`incident_id\`) references \`incident\` (\`id\`) on update cascade on delete cascade, constraint \`incident_racks_rack_id_foreign\` foreign key (\`rack_id\`) references \`rack\` (\`id\`) on update cascade on delete cascade);`);
    this.addSql(`create index \`incident_racks_incident_id_index\` on \`incident_racks\` (\`incident_id\`);`);
    this.addSql(`create index \`incident_racks_rack_id_index\` on \`incident_racks\` (\`rack_id\`);`);

    this.addSql(`create table \`incident_devices\` (\`incident_id\` integer not null, \`device_id\` integer not null, primary key (\`incident_id\`, \`device_id\`), constraint \`incident_devices_incident_id_foreign\` foreign key (\`incident_id\`) references \`incident\` (\`id\`) on update cascade on delete cascade, constraint \`incident_devices_device_id_foreign\` foreign key (\`device_id\`) references \`device\` (\`id\`) on update cascade on delete cascade);`);
    this.addSql(`create index \`incident_devices_incident_id_index\` on \`incident_devices\` (\`incident_id\`);`);
    this.addSql(`create index \`incident_devices_device_id_index\` on \`incident_devices\` (\`device_id\`);`);

    this.addSql(`create index \`device_name_index\` on \`device\` (\`name\`);`);
    this.addSql(`create index \`device_status_index\` on \`device\` (\`status\`);`);

    this.addSql(`alter table \`contract\` add column \`priority_matrix\` json null;`);
  }

  override down(): void | Promise<void> {

    this.addSql(`drop table if exists \`idempotency_key\`;`);
    this.addSql(`drop table if exists \`procedure_version\`;`);
    this.addSql(`drop table if exists \`public_holiday\`;`);
    this.addSql(`drop table if exists \`procedure_run\`;`);
    this.addSql(`drop table if exists \`step_record\`;`);
    this.addSql(`drop table if exists \`step_verification\`;`);
    this.addSql(`drop table if exists \`run_evidence\`;`);
    this.addSql(`drop table if exists \`incident\`;`);
    this.addSql(`drop table if exists \`incident_timeline_entry\`;`);
    this.addSql(`drop table if exists \`incident_sla_clock\`;`);
    this.addSql(`drop table if exists \`incident_tenants\`;`);
    this.addSql(`drop table if exists \`incident_racks\`;`);
    this.addSql(`drop table if exists \`incident_devices\`;`);

    this.addSql(`alter table \`contract\` drop column \`priority_matrix\`;`);

    this.addSql(`drop index \`device_name_index\`;`);
    this.addSql(`drop index \`device_status_index\`;`);
  }

}
