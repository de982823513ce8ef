import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { OnboardingService } from './onboarding.service';
import { PlatformController } from './platform.controller';

@Module({
  imports: [AuthModule],
  controllers: [PlatformController],
  providers: [OnboardingService],
  exports: [OnboardingService],
})
export class PlatformModule {}
