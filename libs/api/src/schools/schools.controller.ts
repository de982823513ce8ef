import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { TenantCrudController } from '../common/tenant-crud.controller';
import { CreateSchoolDto, SchoolDto, UpdateSchoolDto } from './dto/school.dto';
import { SchoolsService } from './schools.service';

/** The SWV's schools: the routes, roles and refusals of TenantCrudController. */
@ApiTags('schools')
@Controller('api/schools')
export class SchoolsController extends TenantCrudController({
  service: SchoolsService,
  response: SchoolDto,
  createBody: CreateSchoolDto,
  updateBody: UpdateSchoolDto,
  deleteConflict: 'The school still has people linked to it',
}) {}
