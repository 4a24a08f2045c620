export { deliverPendingMail, type DeliveryDeps, MAIL_DELIVERY } from './deliver.js';
export {
  claimPendingMail, type ClaimedMail, type MailInput, type MailPayload, markMailFailed, markMailSent, purgeSentMail, queueMail, releaseMail,
} from './outbox.js';
export { createMailTransport, emlFileName, fileTransport, type MailTransport, type OutgoingMail, smtpTransport } from './transport.js';
