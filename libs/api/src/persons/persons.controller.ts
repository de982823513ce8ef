import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { TenantCrudController } from '../common/tenant-crud.controller';
import { CreatePersonDto, PersonDto, UpdatePersonDto } from './dto/person.dto';
import { PersonsService } from './persons.service';

/**
 * The SWV's people: the routes, roles and refusals of TenantCrudController. Changing or deleting
 * a person is also refused (422) when it would leave no active administrator (PersonsService).
 */
@ApiTags('persons')
@Controller('api/persons')
export class PersonsController extends TenantCrudController({
  service: PersonsService,
  response: PersonDto,
  createBody: CreatePersonDto,
  updateBody: UpdatePersonDto,
  deleteConflict:
    'The person is still referenced (bestuurder, body member, chair, ECT member or task)',
}) {}
