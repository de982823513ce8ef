import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { TemporalCodecController } from './temporal-codec.controller';
import { TemporalCodecCorsMiddleware } from './temporal-codec.cors';

/** The codec endpoint of the Temporal Web UI and CLI, for operators (TemporalCodecController). */
@Module({
  controllers: [TemporalCodecController],
  providers: [TemporalCodecCorsMiddleware],
})
export class TemporalCodecModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(TemporalCodecCorsMiddleware)
      .forRoutes({ path: 'api/temporal-codec/*path', method: RequestMethod.ALL });
  }
}
