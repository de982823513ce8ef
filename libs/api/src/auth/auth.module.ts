import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginRateLimitGuard, LoginRateLimits } from './login-rate-limit';
import { SessionGuard } from './session.guard';

@Module({
  controllers: [AuthController],
  providers: [
    AuthService,
    LoginRateLimits,
    LoginRateLimitGuard,
    { provide: APP_GUARD, useClass: SessionGuard },
  ],
  exports: [AuthService, LoginRateLimits, LoginRateLimitGuard],
})
export class AuthModule {}
