// One namespace per area of the UI, in both languages; i18n.test.ts keeps their keys in step.
import enAdmin from './en/admin.json';
import enAudit from './en/audit.json';
import enCommon from './en/common.json';
import enDashboard from './en/dashboard.json';
import enEnterprise from './en/enterprise.json';
import enForms from './en/forms.json';
import enInbox from './en/inbox.json';
import enLedger from './en/ledger.json';
import enNomination from './en/nomination.json';
import enNotifications from './en/notifications.json';
import enTask from './en/task.json';
import zhAdmin from './zh-CN/admin.json';
import zhAudit from './zh-CN/audit.json';
import zhCommon from './zh-CN/common.json';
import zhDashboard from './zh-CN/dashboard.json';
import zhEnterprise from './zh-CN/enterprise.json';
import zhForms from './zh-CN/forms.json';
import zhInbox from './zh-CN/inbox.json';
import zhLedger from './zh-CN/ledger.json';
import zhNomination from './zh-CN/nomination.json';
import zhNotifications from './zh-CN/notifications.json';
import zhTask from './zh-CN/task.json';

export const resources = {
  'zh-CN': {
    common: zhCommon,
    inbox: zhInbox,
    task: zhTask,
    enterprise: zhEnterprise,
    nomination: zhNomination,
    ledger: zhLedger,
    dashboard: zhDashboard,
    audit: zhAudit,
    admin: zhAdmin,
    notifications: zhNotifications,
    forms: zhForms,
  },
  en: {
    common: enCommon,
    inbox: enInbox,
    task: enTask,
    enterprise: enEnterprise,
    nomination: enNomination,
    ledger: enLedger,
    dashboard: enDashboard,
    audit: enAudit,
    admin: enAdmin,
    notifications: enNotifications,
    forms: enForms,
  },
} as const;
