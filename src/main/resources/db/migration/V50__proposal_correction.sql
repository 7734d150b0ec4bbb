-- Corrections of classifying fields made by the sorting caseworker (分拣): who, when, old, new, why.
create table proposal_correction (
  id              varchar(36)   not null primary key,
  proposal_number varchar(32)   not null,
  field           varchar(64)   not null,
  old_value       varchar(200),
  new_value       varchar(200)  not null,
  reason          varchar(2000) not null,
  corrected_by    varchar(128)  not null,
  corrected_at    timestamp with time zone not null
);
create index proposal_correction_number on proposal_correction (proposal_number);
