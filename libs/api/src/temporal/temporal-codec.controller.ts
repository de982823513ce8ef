import {
  BadRequestException,
  Body,
  Controller,
  Headers,
  HttpCode,
  HttpStatus,
  Post,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import {
  AesGcmPayloadCodec,
  CodecRequestError,
  handleCodecRequest,
  type JsonPayloads,
} from '@jaarcyclus/temporal';
import { PlatformRoles } from '../auth/decorators';
import { SESSION_COOKIE } from '../auth/session.guard';
import { ErrorResponseDto } from '../common/api-errors';
import { ApiConfig } from '../config';

const PAYLOADS_SCHEMA = {
  type: 'object',
  required: ['payloads'],
  properties: {
    payloads: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          metadata: {
            type: 'object',
            additionalProperties: { type: 'string', format: 'byte' },
            example: { encoding: 'anNvbi9wbGFpbg==' },
          },
          data: { type: 'string', format: 'byte', example: 'eyJ2b3RlIjoiZm9yIn0=' },
        },
      },
    },
  },
};

/**
 * The codec server of the Temporal Web UI and CLI (`--codec-endpoint <PUBLIC_URL>/api/temporal-codec`):
 * decrypts the payloads of workflow histories with the service's key ring, and encrypts what an
 * operator sends to a workflow from the UI. Workflow data is personal data of every SWV, and a
 * payload does not say whose it is, so only a signed-in person with the platform role
 * `operator` may use it; an SWV's administrator may not. Browsers reach it from the Web UI's
 * origin only (TEMPORAL_UI_ORIGIN, TemporalCodecCorsMiddleware).
 */
@ApiTags('temporal codec')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'No valid session' })
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Not an operator' })
@ApiBadRequestResponse({
  type: ErrorResponseDto,
  description: 'Malformed payloads, another namespace, or a payload that does not decrypt',
})
@ApiHeader({ name: 'X-Namespace', required: false, description: 'Sent by the Web UI and CLI' })
@PlatformRoles('operator')
@Controller('api/temporal-codec')
export class TemporalCodecController {
  private readonly codec: AesGcmPayloadCodec;

  constructor(private readonly config: ApiConfig) {
    this.codec = new AesGcmPayloadCodec(config.payloadKeyRing);
  }

  @Post('decode')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Decrypt payloads (codec server protocol)' })
  @ApiBody({ schema: PAYLOADS_SCHEMA })
  @ApiOkResponse({ schema: PAYLOADS_SCHEMA })
  decode(@Body() body: unknown, @Headers('x-namespace') namespace?: string): Promise<JsonPayloads> {
    return this.handle('decode', body, namespace);
  }

  @Post('encode')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Encrypt payloads (codec server protocol)' })
  @ApiBody({ schema: PAYLOADS_SCHEMA })
  @ApiOkResponse({ schema: PAYLOADS_SCHEMA })
  encode(@Body() body: unknown, @Headers('x-namespace') namespace?: string): Promise<JsonPayloads> {
    return this.handle('encode', body, namespace);
  }

  private async handle(
    operation: 'encode' | 'decode',
    body: unknown,
    namespace: string | undefined,
  ): Promise<JsonPayloads> {
    if (namespace && namespace !== this.config.temporalNamespace) {
      throw new BadRequestException(
        `This codec serves the namespace '${this.config.temporalNamespace}', not '${namespace}'`,
      );
    }
    try {
      return await handleCodecRequest(this.codec, operation, body);
    } catch (err) {
      if (err instanceof CodecRequestError) throw new BadRequestException(err.message);
      throw err;
    }
  }
}
