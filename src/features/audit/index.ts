export { type AuditActor, type AuditEntry, type AuditRow, listAudit, recordAudit } from './service.js';
