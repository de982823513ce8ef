import { All, Controller, NotFoundException, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { WebExceptionFilter } from '../web-exception.filter';

/**
 * Unknown paths under /app get the HTML "Niet gevonden" page (after the session check, so a
 * signed-out visitor is sent to the sign-in page). Registered last in the module.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('app')
export class NotFoundController {
  @All('*path')
  notFound(): never {
    throw new NotFoundException();
  }
}
