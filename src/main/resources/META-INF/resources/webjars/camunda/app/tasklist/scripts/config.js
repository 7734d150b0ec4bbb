// Yishi's Tasklist settings. The lead merges this customScripts entry into the config.js of the
// Chinese locale work (issue 11 part 1), whose marked customScripts section it belongs in.
export default {
  customScripts: ['scripts/yishi/proposal-number']
};
