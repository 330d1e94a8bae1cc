/** English strings of `<mc-progress-tracker>` (the source of its keys; Spanish must match). */
const strings = {
  loading: 'Loading progress…',
  errorTitle: 'Progress can’t be shown',
  'error.http': 'The pathway address answered with an error (HTTP {status}).',
  'error.network': 'The pathway could not be downloaded. Check the address and your connection.',
  'error.schema': 'This is not a pathway Microcred can read.',
  'error.other': 'The pathway could not be read.',
  summary: '{done} of {total} complete',
  summaryStack: '{name}: {done} of {total} complete',
  progressLabel: 'Progress through {name}',
  complete: 'Stack complete',
  completeText: 'Every requirement is met.',
  stackCredential: 'Stack credential',
  nextStep: 'Next step',
  nextSteps: 'Next steps',
  noNextStep: 'Nothing to do right now: waiting for a review.',
  requirements: 'Requirements',
  'state.not-started': 'Not started',
  'state.in-progress': 'In progress',
  'state.submitted': 'Submitted',
  'state.in-review': 'In review',
  'state.returned': 'Returned with feedback',
  'state.earned': 'Earned',
  'state.locked': 'Locked',
  'action.not-started': 'Start {name}',
  'action.in-progress': 'Continue {name}',
  'action.returned': 'Revise and resubmit {name}',
  'action.expired': 'Renew {name}',
  'action.revoked': 'Earn {name} again',
  optional: 'Optional',
  groupAll: 'All of these',
  groupN: 'Any {n} of these',
  groupProgress: '{done} of {total} done',
  /** `{percent}` is a percentage formatted for the language (Intl: "40%", "40 %"). */
  percent: '{percent} done',
  submittedOn: 'Submitted {date}',
  expectedBy: 'Review expected by {date}',
  earnedOn: 'Earned {date}',
  expiredOn: 'Expired {date}',
  expiredAccepted: 'Expired, but still counts',
  after: 'After: {names}',
  feedback: 'Reviewer feedback',
  feedbackFrom: 'Feedback from {name}',
  rubricLevels: 'Rubric levels reached',
  open: 'Open {name}',
  empty: 'No pathway to show.',
};

/** A key of `<mc-progress-tracker>`'s strings. */
export type TrackerStringKey = keyof typeof strings;
/** `<mc-progress-tracker>`'s string map. */
export type TrackerStrings = Record<TrackerStringKey, string>;

export default strings satisfies TrackerStrings;
