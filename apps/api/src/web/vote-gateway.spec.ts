import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { VoteGateway, Votes, VotingNotAvailableError } from './vote-gateway';

class RecordingGateway extends VoteGateway {
  readonly calls: unknown[][] = [];
  castVote(...args: unknown[]): Promise<void> {
    this.calls.push(args);
    return Promise.resolve();
  }
}

const recording = new RecordingGateway();

/** What the budget module does: provide VoteGateway from a global module. */
@Global()
@Module({ providers: [{ provide: VoteGateway, useValue: recording }], exports: [VoteGateway] })
class BudgetVotingModule {}

@Module({ providers: [Votes], exports: [Votes] })
class WebLikeModule {}

@Module({ imports: [BudgetVotingModule, WebLikeModule] })
class WithBudget {}

@Module({ imports: [WebLikeModule] })
class WithoutBudget {}

describe('VoteGateway binding', () => {
  it('uses the gateway another module provides globally', async () => {
    const app = await NestFactory.createApplicationContext(WithBudget, { logger: false });
    expect(app.get(Votes).gateway).toBe(recording);
    await app.close();
  });

  it('falls back to "Stemmen is nog niet beschikbaar" when nobody provides one', async () => {
    const app = await NestFactory.createApplicationContext(WithoutBudget, { logger: false });
    await expect(app.get(Votes).gateway.castVote({} as never, 'task', 'for', null)).rejects.toThrow(
      VotingNotAvailableError,
    );
    await app.close();
  });
});
