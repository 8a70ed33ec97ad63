import { Migration } from '@mikro-orm/migrations';

export class Migration20261123163242_reports_and_their_indexes extends Migration {

  override name = 'Migration20261123163242_reports_and_their_indexes';

  override up(): void | Promise<void> {
    this.addSql(`create index \`task_occurrence_due_at_index\` on \`task_occurrence\` (\`due_at\`);`);

    this.addSql(`create index \`procedure_run_started_at_index\` on \`procedure_run\` (\`started_at\`);`);
    this.addSql(`create index \`procedure_run_ended_at_index\` on \`procedure_run\` (\`ended_at\`);`);

    this.addSql(`create index \`step_record_performed_at_index\` on \`step_record\` (\`performed_at\`);`);
    this.addSql(`create index \`step_record_supersedes_index\` on \`step_record\` (\`supersedes\`);`);

    this.addSql(`alter table \`incident\` add column \`source_run_id\` integer null constraint \`incident_source_run_id_foreign\` references \`procedure_run\` (\`id\`) on delete set null;`);
    this.addSql(`create index \`incident_source_run_id_index\` on \`incident\` (\`source_run_id\`);`);
    this.addSql(`create index \`incident_opened_at_index\` on \`incident\` (\`opened_at\`);`);

    this.addSql(`create index \`incident_timeline_entry_kind_at_index\` on \`incident_timeline_entry\` (\`kind\`, \`at\`);`);
    this.addSql(`create index \`incident_timeline_entry_incident_id_kind_at_index\` on \`incident_timeline_entry\` (\`incident_id\`, \`kind\`, \`at\`);`);

    this.addSql(`create index \`incident_sla_clock_stopped_at_index\` on \`incident_sla_clock\` (\`stopped_at\`);`);
    this.addSql(`create index \`incident_sla_clock_breached_at_index\` on \`incident_sla_clock\` (\`breached_at\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index \`incident_source_run_id_index\`;`);
    this.addSql(`drop index \`incident_opened_at_index\`;`);
    this.addSql(`alter table \`incident\` drop column \`source_run_id\`;`);

    this.addSql(`drop index \`incident_sla_clock_stopped_at_index\`;`);
    this.addSql(`drop index \`incident_sla_clock_breached_at_index\`;`);

    this.addSql(`drop index \`incident_timeline_entry_kind_at_index\`;`);
    this.addSql(`drop index \`incident_timeline_entry_incident_id_kind_at_index\`;`);

    this.addSql(`drop index \`procedure_run_started_at_index\`;`);
    this.addSql(`drop index \`procedure_run_ended_at_index\`;`);

    this.addSql(`drop index \`step_record_performed_at_index\`;`);
    this.addSql(`drop index \`step_record_supersedes_index\`;`);

    this.addSql(`drop index \`task_occurrence_due_at_index\`;`);
  }

}
