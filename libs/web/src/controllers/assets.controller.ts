import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '@jaarcyclus/api/auth/decorators';
import { ASSET_FILES } from '../assets/assets';

/** The stylesheet and the script. URLs carry the content hash, so they may be cached for a year. */
@ApiExcludeController()
@Public()
@Controller('assets')
export class AssetsController {
  @Get(':file')
  serve(@Param('file') file: string, @Req() req: Request, @Res() res: Response): void {
    const asset = Object.prototype.hasOwnProperty.call(ASSET_FILES, file)
      ? ASSET_FILES[file]
      : undefined;
    if (!asset) {
      res.status(404).type('text/plain').send('Not found\n');
      return;
    }
    const etag = `"${asset.version}"`;
    res.set({
      'Content-Type': asset.contentType,
      'Cache-Control': 'public, max-age=31536000, immutable',
      ETag: etag,
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.headers['if-none-match'] === etag) {
      res.status(304).end();
      return;
    }
    res.status(200).send(asset.body);
  }
}
