import { Migration } from '@mikro-orm/migrations';

export class Migration20261123185420_run_sites_client_notes_write_once_records extends Migration {

  override name = 'Migration20261123185420_run_sites_client_notes_write_once_records';

  override up(): void | Promise<void> {
    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`device_type__temp_alter\` (\`id\` integer not null primary key autoincrement, \`manufacturer\` text not null, \`model\` text not null, \`slug\` text not null, \`part_number\` text not null default '', \`u_height\` real not null default 1, \`is_full_depth\` integer not null default true, \`airflow\` text check (\`airflow\` in ('front-to-rear', 'rear-to-front', 'left-to-right', 'right-to-left', 'side-to-rear', 'rear-to-side', 'bottom-to-top', 'top-to-bottom', 'passive', 'mixed')) null, \`weight_kg\` real null, \`power_ports\` json not null, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null);`);
    this.addSql(`insert into \`device_type__temp_alter\` select \`id\`, \`manufacturer\`, \`model\`, \`slug\`, \`part_number\`, \`u_height\`, \`is_full_depth\`, \`airflow\`, \`weight_kg\`, \`power_ports\`, \`version\`, \`created_at\`, \`updated_at\` from \`device_type\`;`);
    this.addSql(`drop table \`device_type\`;`);
    this.addSql(`alter table \`device_type__temp_alter\` rename to \`device_type\`;`);
    this.addSql(`create unique index \`device_type_slug_unique\` on \`device_type\` (\`slug\`);`);
    this.addSql(`pragma foreign_keys = on;`);

    this.addSql(`alter table \`procedure_run\` add column \`site_id\` integer null constraint \`procedure_run_site_id_foreign\` references \`site\` (\`id\`) on delete set null;`);
    this.addSql(`create index \`procedure_run_site_id_index\` on \`procedure_run\` (\`site_id\`);`);
    // Existing runs take their incident's or occurrence's site; free runs stay without one.
    this.addSql(`update \`procedure_run\` set \`site_id\` = (select \`site_id\` from \`incident\` where \`incident\`.\`id\` = \`procedure_run\`.\`context_id\`) where \`context_kind\` = 'incident';`);
    this.addSql(`update \`procedure_run\` set \`site_id\` = (select \`site_id\` from \`task_occurrence\` where \`task_occurrence\`.\`id\` = \`procedure_run\`.\`context_id\`) where \`context_kind\` = 'occurrence';`);

    this.addSql(`create trigger \`step_record_append_only_update\` BEFORE UPDATE on \`step_record\` for each ROW begin select raise(abort, 'step_record is write-once: rows are never updated or deleted'); end;`);
    this.addSql(`create trigger \`step_record_append_only_delete\` BEFORE DELETE on \`step_record\` for each ROW begin select raise(abort, 'step_record is write-once: rows are never updated or deleted'); end;`);

    this.addSql(`create trigger \`step_verification_append_only_update\` BEFORE UPDATE on \`step_verification\` for each ROW begin select raise(abort, 'step_verification is write-once: rows are never updated or deleted'); end;`);
    this.addSql(`create trigger \`step_verification_append_only_delete\` BEFORE DELETE on \`step_verification\` for each ROW begin select raise(abort, 'step_verification is write-once: rows are never updated or deleted'); end;`);

    this.addSql(`create trigger \`run_evidence_append_only_update\` BEFORE UPDATE on \`run_evidence\` for each ROW begin select raise(abort, 'run_evidence is write-once: rows are never updated or deleted'); end;`);
    this.addSql(`create trigger \`run_evidence_append_only_delete\` BEFORE DELETE on \`run_evidence\` for each ROW begin select raise(abort, 'run_evidence is write-once: rows are never updated or deleted'); end;`);

    this.addSql(`alter table \`incident_timeline_entry\` add column \`client_visible\` integer not null default false;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`device_type__temp_alter\` (\`airflow\` text check (\`airflow\` in ('front-to-rear', 'rear-to-front', 'left-to-right', 'right-to-left', 'side-to-rear', 'passive', 'mixed')) null, \`created_at\` datetime not null, \`id\` integer not null primary key autoincrement, \`is_full_depth\` integer not null default true, \`manufacturer\` text not null, \`model\` text not null, \`part_number\` text not null default '', \`power_ports\` json not null, \`slug\` text not null, \`u_height\` real not null default 1, \`updated_at\` datetime not null, \`version\` integer not null default 1, \`weight_kg\` real null);`);
    this.addSql(`insert into \`device_type__temp_alter\` select \`airflow\`, \`created_at\`, \`id\`, \`is_full_depth\`, \`manufacturer\`, \`model\`, \`part_number\`, \`power_ports\`, \`slug\`, \`u_height\`, \`updated_at\`, \`version\`, \`weight_kg\` from \`device_type\`;`);
    this.addSql(`drop table \`device_type\`;`);
    this.addSql(`alter table \`device_type__temp_alter\` rename to \`device_type\`;`);
    this.addSql(`create unique index \`device_type_slug_unique\` on \`device_type\` (\`slug\`);`);
    this.addSql(`pragma foreign_keys = on;`);

    this.addSql(`alter table \`incident_timeline_entry\` drop column \`client_visible\`;`);

    this.addSql(`drop index \`procedure_run_site_id_index\`;`);
    this.addSql(`alter table \`procedure_run\` drop column \`site_id\`;`);

    this.addSql(`drop trigger if exists \`run_evidence_append_only_update\`;`);
    this.addSql(`drop trigger if exists \`run_evidence_append_only_delete\`;`);

    this.addSql(`drop trigger if exists \`step_record_append_only_update\`;`);
    this.addSql(`drop trigger if exists \`step_record_append_only_delete\`;`);

    this.addSql(`drop trigger if exists \`step_verification_append_only_update\`;`);
    this.addSql(`drop trigger if exists \`step_verification_append_only_delete\`;`);
  }

}
