import { Migration } from '@mikro-orm/migrations';

export class Migration20261123132324_recurring_tasks_and_shift_log extends Migration {

  override name = 'Migration20261123132324_recurring_tasks_and_shift_log';

  override up(): void | Promise<void> {
    this.addSql(`create table \`shift_log_entry\` (\`id\` integer not null primary key autoincrement, \`site_id\` integer not null, \`at\` datetime not null, \`author_id\` integer not null, \`category\` text check (\`category\` in ('event', 'incident', 'access', 'maintenance', 'safety', 'handover', 'other')) not null, \`text\` text not null, \`links\` text not null, \`corrects_id\` integer null, constraint \`shift_log_entry_site_id_foreign\` foreign key (\`site_id\`) references \`site\` (\`id\`), constraint \`shift_log_entry_author_id_foreign\` foreign key (\`author_id\`) references \`app_user\` (\`id\`), constraint \`shift_log_entry_corrects_id_foreign\` foreign key (\`corrects_id\`) references \`shift_log_entry\` (\`id\`) on delete set null);`);
    this.addSql(`create index \`shift_log_entry_site_id_index\` on \`shift_log_entry\` (\`site_id\`);`);
    this.addSql(`create index \`shift_log_entry_author_id_index\` on \`shift_log_entry\` (\`author_id\`);`);
    this.addSql(`create index \`shift_log_entry_corrects_id_index\` on \`shift_log_entry\` (\`corrects_id\`);`);
    this.addSql(`create index \`shift_log_entry_site_id_at_index\` on \`shift_log_entry\` (\`site_id\`, \`at\`);`);

    this.addSql(`create table \`recurring_task\` (\`id\` integer not null primary key autoincrement, \`title\` text not null, \`procedure_id\` text not null, \`site_id\` integer not null, \`room_id\` integer null, \`rack_id\` integer null, \`rrule\` text not null, \`start_date\` text not null, \`lead_minutes\` integer not null, \`grace_minutes\` integer not null, \`team\` text null, \`assignee_id\` integer null, \`active\` integer not null, \`planned_until\` datetime null, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`recurring_task_site_id_foreign\` foreign key (\`site_id\`) references \`site\` (\`id\`), constraint \`recurring_task_room_id_foreign\` foreign key (\`room_id\`) references \`room\` (\`id\`) on delete set null, constraint \`recurring_task_rack_id_foreign\` foreign key (\`rack_id\`) references \`rack\` (\`id\`) on delete set null, constraint \`recurring_task_assignee_id_foreign\` foreign key (\`assignee_id\`) references \`app_user\` (\`id\`) on delete set null);`);
    this.addSql(`create index \`recurring_task_site_id_index\` on \`recurring_task\` (\`site_id\`);`);
    this.addSql(`create index \`recurring_task_room_id_index\` on \`recurring_task\` (\`room_id\`);`);
    this.addSql(`create index \`recurring_task_rack_id_index\` on \`recurring_task\` (\`rack_id\`);`);
    this.addSql(`create index \`recurring_task_assignee_id_index\` on \`recurring_task\` (\`assignee_id\`);`);
    this.addSql(`create index \`recurring_task_active_planned_until_index\` on \`recurring_task\` (\`active\`, \`planned_until\`);`);

    this.addSql(`create table \`task_occurrence\` (\`id\` integer not null primary key autoincrement, \`task_id\` integer not null, \`site_id\` integer not null, \`scheduled_at\` datetime not null, \`available_at\` datetime not null, \`due_at\` datetime not null, \`state\` text check (\`state\` in ('scheduled', 'due', 'in_progress', 'done', 'missed', 'cancelled')) not null, \`run_id\` integer null, \`started_at\` datetime null, \`done_at\` datetime null, \`lateness_minutes\` integer null, \`cancel_reason\` text null, \`version\` integer not null default 1, constraint \`task_occurrence_task_id_foreign\` foreign key (\`task_id\`) references \`recurring_task\` (\`id\`), constraint \`task_occurrence_site_id_foreign\` foreign key (\`site_id\`) references \`site\` (\`id\`));`);
    this.addSql(`create index \`task_occurrence_task_id_index\` on \`task_occurrence\` (\`task_id\`);`);
    this.addSql(`create index \`task_occurrence_site_id_index\` on \`task_occurrence\` (\`site_id\`);`);
    this.addSql(`create index \`task_occurrence_run_id_index\` on \`task_occurrence\` (\`run_id\`);`);
    this.addSql(`create index \`task_occurrence_state_available_at_index\` on \`task_occurrence\` (\`state\`, \`available_at\`);`);
    this.addSql(`create index \`task_occurrence_state_due_at_index\` on \`task_occurrence\` (\`state\`, \`due_at\`);`);
    this.addSql(`create index \`task_occurrence_scheduled_at_id_index\` on \`task_occurrence\` (\`scheduled_at\`, \`id\`);`);
    this.addSql(`create index \`task_occurrence_site_id_scheduled_at_index\` on \`task_occurrence\` (\`site_id\`, \`scheduled_at\`);`);
    this.addSql(`create unique index \`task_occurrence_task_id_scheduled_at_unique\` on \`task_occurrence\` (\`task_id\`, \`scheduled_at\`);`);

    this.addSql(`create table \`handover\` (\`id\` integer not null primary key autoincrement, \`site_id\` integer not null, \`shift_start\` datetime not null, \`shift_end\` datetime not null, \`outgoing_id\` integer not null, \`incoming_id\` integer null, \`state\` text check (\`state\` in ('submitted', 'acknowledged')) not null, \`snapshot\` text not null, \`notes\` text not null, \`submitted_at\` datetime not null, \`acknowledged_at\` datetime null, constraint \`handover_site_id_foreign\` foreign key (\`site_id\`) references \`site\` (\`id\`), constraint \`handover_outgoing_id_foreign\` foreign key (\`outgoing_id\`) references \`app_user\` (\`id\`), constraint \`handover_incoming_id_foreign\` foreign key (\`incoming_id\`) references \`app_user\` (\`id\`) on delete set null);`);
    this.addSql(`create index \`handover_site_id_index\` on \`handover\` (\`site_id\`);`);
    this.addSql(`create index \`handover_outgoing_id_index\` on \`handover\` (\`outgoing_id\`);`);
    this.addSql(`create index \`handover_incoming_id_index\` on \`handover\` (\`incoming_id\`);`);
    this.addSql(`create index \`handover_site_id_state_index\` on \`handover\` (\`site_id\`, \`state\`);`);
  }

  override down(): void | Promise<void> {

    this.addSql(`drop table if exists \`shift_log_entry\`;`);
    this.addSql(`drop table if exists \`recurring_task\`;`);
    this.addSql(`drop table if exists \`task_occurrence\`;`);
    this.addSql(`drop table if exists \`handover\`;`);
  }

}
