// Branch staff-language: ONLY the custom script this branch adds. The lead merges the entry below
// into the customScripts section of the i18n branch's config.js (which replaces this file).
export default { customScripts: ['scripts/yishi/staff-language'] };
