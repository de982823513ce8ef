/** For the budget module: bind its implementation of the vote form's gateway (see vote-gateway.ts). */
export { VoteGateway } from './vote-gateway';
export { WebModule } from './web.module';
