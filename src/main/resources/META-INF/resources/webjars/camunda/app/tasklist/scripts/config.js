// placeholder: replaced by the i18n branch's config.js when it is merged
export default {
  customScripts: ['scripts/yishi/proposal-number', 'scripts/yishi/staff-language']
};
