import { Controller, Get, NotFoundException, Param, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { AllocationLetterData } from '@jaarcyclus/mail';
import {
  AllocationLetterRepository,
  BoardRepository,
  PersonRepository,
  type StoredAllocationLetter,
} from '@jaarcyclus/persistence';
import { isUUID } from 'class-validator';
import type { Response } from 'express';
import type {
  AuthenticatedPerson,
  AuthenticatedRequest,
} from '@jaarcyclus/api/auth/authenticated-person';
import { CurrentPerson, READ_ROLES } from '@jaarcyclus/api/auth/decorators';
import { WebExceptionFilter } from '../web-exception.filter';
import { WebPages } from '../web-pages';
import { allocationLetterPdf } from './allocation-letter-pdf';
import { lettersPage } from './letters.pages';

/**
 * The allocation letters as sent (issue 16, "Results"): the office (READ_ROLES) reads every
 * board's, a board its own (its bestuurder, and the people linked to the board, who get the
 * letter when there is no bestuurder). Any other letter, another SWV's or an unknown id is
 * "Niet gevonden" (404), the same page for all.
 *
 * | route | answers |
 * | --- | --- |
 * | GET /app/letters | the list (an empty list for who has no board) |
 * | GET /app/letters/:id | the letter as a PDF, inline (the browser shows and prints it) |
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('app/letters')
export class LettersController {
  constructor(
    private readonly pages: WebPages,
    private readonly letters: AllocationLetterRepository,
    private readonly boards: BoardRepository,
    private readonly persons: PersonRepository,
  ) {}

  @Get()
  async list(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    const office = isOffice(me);
    const boards = office ? null : await this.boardsOf(me);
    const all = await this.letters.list(me.organisationId);
    const mine = boards ? all.filter((l) => boards.has(l.boardId)) : all;
    this.pages.send(
      res,
      200,
      lettersPage(this.pages.context(req, res), {
        office,
        rows: mine.map((letter) => ({ letter, boardName: boardNameOf(letter) })),
      }),
    );
  }

  @Get(':id')
  async pdf(
    @CurrentPerson() me: AuthenticatedPerson,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('id') id: string,
  ): Promise<void> {
    if (!isUUID(id)) throw new NotFoundException();
    const letter = await this.letters.get(me.organisationId, id);
    if (!letter) throw new NotFoundException();
    if (!isOffice(me) && !(await this.boardsOf(me)).has(letter.boardId)) {
      throw new NotFoundException();
    }
    const ctx = this.pages.context(req, res);
    const pdf = await allocationLetterPdf(ctx.locale, letter.data as AllocationLetterData);
    const name = ctx.t.letters.pdfName(boardNameOf(letter), letter.budgetYear);
    res
      .status(200)
      .set({
        'Content-Type': 'application/pdf',
        'Content-Disposition': `inline; filename="${asciiName(name)}.pdf"; filename*=UTF-8''${encodeURIComponent(name)}.pdf`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      })
      .send(Buffer.from(pdf));
  }

  /** The boards of which `me` is the bestuurder or a linked person. */
  private async boardsOf(me: AuthenticatedPerson): Promise<Set<string>> {
    const [boards, person] = await Promise.all([
      this.boards.list(me.organisationId),
      this.persons.get(me.organisationId, me.id),
    ]);
    const ids = new Set(boards.filter((b) => b.bestuurderPersonId === me.id).map((b) => b.id));
    if (person?.boardId) ids.add(person.boardId);
    return ids;
  }
}

function isOffice(me: AuthenticatedPerson): boolean {
  return me.roles.some((role) => READ_ROLES.includes(role));
}

function boardNameOf(letter: StoredAllocationLetter): string {
  return (letter.data as AllocationLetterData).board.name;
}

/** A file name for old clients: letters and digits, the rest as "_". */
function asciiName(name: string): string {
  return name.normalize('NFD').replace(/[^\w .-]/gu, '_');
}
