import type { Envelope } from './types.js';

/**
 * Rules of an answer that its JSON Schema cannot express. Returns the problem with the field it
 * concerns, or undefined. Run it on envelopes that already passed `envelopeSchema`.
 */
export function answerProblem(envelope: Envelope): { field: string; message: string } | undefined {
  if (envelope.widget === 'pairwise' && 'pair' in envelope.answer) {
    const { pair, winner } = envelope.answer;
    if (winner !== null && !pair.includes(winner)) {
      return { field: 'answer.winner', message: 'winner must be one of the pair, or null' };
    }
  }
  return undefined;
}
