export { DelibRanking } from './ranking.js';
export { rankingMessages, type RankingMessages } from './ranking.messages.js';
export { DelibPairwise } from './pairwise.js';
export { pairwiseMessages, type PairwiseMessages } from './pairwise.messages.js';
export { PairScheduler, roundOfPairs, pairCount, type Pair, type PairScheduleState, type RandomSource } from './scheduler.js';
export { DelibBudget, announceDelay } from './budget.js';
export { budgetMessages, type BudgetMessages } from './budget.messages.js';
