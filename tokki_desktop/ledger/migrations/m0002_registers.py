"""Registers: one table per register of ``tokki_desktop.registers.catalog`` (Art. 1–19).

Written out in full (not generated at run time) so that this migration never changes once
shipped; a test checks that the tables match the specs. Rows are never deleted (triggers);
a record is closed (closed_at, closed_by, close_reason). References are foreign keys.
"""

VERSION = 2


def upgrade(conn) -> None:
    conn.executescript(
        """
        CREATE TABLE contracts (
            id              INTEGER PRIMARY KEY,
            title           TEXT,
            client          TEXT,
            client_head     TEXT,
            client_department TEXT,
            period_start    TEXT,
            period_end      TEXT,
            purpose         TEXT,
            purpose_items   TEXT,
            contractor_address TEXT,
            contractor_name TEXT,
            contractor_representative TEXT,
            contractor_contact_person TEXT,
            contractor_contact TEXT,
            media_inspection_days INTEGER,
            training_interval_days INTEGER,
            complaint_report_hours INTEGER,
            incident_first_report_hours INTEGER,
            incident_final_report_days INTEGER,
            disposal_report_days INTEGER,
            supervision_report_days INTEGER,
            return_grace_days INTEGER,
            due_soon_days   INTEGER,
            seal_box        INTEGER CHECK (seal_box IN (0, 1)),
            seireki_in_brackets INTEGER CHECK (seireki_in_brackets IN (0, 1)),
            created_at      TEXT NOT NULL,
            created_by      TEXT NOT NULL,
            updated_at      TEXT,
            updated_by      TEXT,
            closed_at       TEXT,
            closed_by       TEXT,
            close_reason    TEXT
        );
        CREATE TRIGGER contracts_no_delete BEFORE DELETE ON contracts
            BEGIN SELECT RAISE(ABORT, 'register records are closed, never deleted'); END;
        CREATE TABLE people (
            id              INTEGER PRIMARY KEY,
            contract_id     INTEGER NOT NULL REFERENCES contracts(id),
            name            TEXT,
            name_kana       TEXT,
            role            TEXT,
            affiliation     TEXT,
            employment_type TEXT,
            dispatch_agency TEXT,
            login           TEXT,
            reported_on     TEXT,
            approved_on     TEXT,
            started_on      TEXT,
            ended_on        TEXT,
            notes           TEXT,
            created_at      TEXT NOT NULL,
            created_by      TEXT NOT NULL,
            updated_at      TEXT,
            updated_by      TEXT,
            closed_at       TEXT,
            closed_by       TEXT,
            close_reason    TEXT
        );
        CREATE INDEX people_by_contract_id ON people (contract_id);
        CREATE TRIGGER people_no_delete BEFORE DELETE ON people
            BEGIN SELECT RAISE(ABORT, 'register records are closed, never deleted'); END;
        CREATE TABLE change_requests (
            id              INTEGER PRIMARY KEY,
            contract_id     INTEGER NOT NULL REFERENCES contracts(id),
            change          TEXT,
            person_id       INTEGER REFERENCES people(id),
            description     TEXT,
            applied_on      TEXT,
            effective_on    TEXT,
            approved_on     TEXT,
            doc_no          TEXT,
            created_at      TEXT NOT NULL,
            created_by      TEXT NOT NULL,
            updated_at      TEXT,
            updated_by      TEXT,
            closed_at       TEXT,
            closed_by       TEXT,
            close_reason    TEXT
        );
        CREATE INDEX change_requests_by_contract_id ON change_requests (contract_id);
        CREATE INDEX change_requests_by_person_id ON change_requests (person_id);
        CREATE TRIGGER change_requests_no_delete BEFORE DELETE ON change_requests
            BEGIN SELECT RAISE(ABORT, 'register records are closed, never deleted'); END;
        CREATE TABLE pledges (
            id              INTEGER PRIMARY KEY,
            contract_id     INTEGER NOT NULL REFERENCES contracts(id),
            person_id       INTEGER NOT NULL REFERENCES people(id),
            signed_on       TEXT,
            submitted_on    TEXT,
            copy_location   TEXT,
            notes           TEXT,
            created_at      TEXT NOT NULL,
            created_by      TEXT NOT NULL,
            updated_at      TEXT,
            updated_by      TEXT,
            closed_at       TEXT,
            closed_by       TEXT,
            close_reason    TEXT
        );
        CREATE INDEX pledges_by_contract_id ON pledges (contract_id);
        CREATE INDEX pledges_by_person_id ON pledges (person_id);
        CREATE TRIGGER pledges_no_delete BEFORE DELETE ON pledges
            BEGIN SELECT RAISE(ABORT, 'register records are closed, never deleted'); END;
        CREATE TABLE trainings (
            id              INTEGER PRIMARY KEY,
            contract_id     INTEGER NOT NULL REFERENCES contracts(id),
            title           TEXT,
            held_on         TEXT,
            trainer         TEXT,
            minutes         INTEGER,
            content         TEXT,
            doc_no          TEXT,
            created_at      TEXT NOT NULL,
            created_by      TEXT NOT NULL,
            updated_at      TEXT,
            updated_by      TEXT,
            closed_at       TEXT,
            closed_by       TEXT,
            close_reason    TEXT
        );
        CREATE INDEX trainings_by_contract_id ON trainings (contract_id);
        CREATE TRIGGER trainings_no_delete BEFORE DELETE ON trainings
            BEGIN SELECT RAISE(ABORT, 'register records are closed, never deleted'); END;
        CREATE TABLE training_attendance (
            id              INTEGER PRIMARY KEY,
            training_id     INTEGER NOT NULL REFERENCES trainings(id),
            person_id       INTEGER NOT NULL REFERENCES people(id),
            notes           TEXT,
            created_at      TEXT NOT NULL,
            created_by      TEXT NOT NULL,
            updated_at      TEXT,
            updated_by      TEXT,
            closed_at       TEXT,
            closed_by       TEXT,
            close_reason    TEXT
        );
        CREATE INDEX training_attendance_by_training_id ON training_attendance (training_id);
        CREATE INDEX training_attendance_by_person_id ON training_attendance (person_id);
        CREATE TRIGGER training_attendance_no_delete BEFORE DELETE ON training_attendance
            BEGIN SELECT RAISE(ABORT, 'register records are closed, never deleted'); END;
        CREATE TABLE workplaces (
            id              INTEGER PRIMARY KEY,
            contract_id     INTEGER NOT NULL REFERENCES contracts(id),
            name            TEXT,
            address         TEXT,
            room            TEXT,
            in_client_building INTEGER CHECK (in_client_building IN (0, 1)),
            lockable_storage INTEGER CHECK (lockable_storage IN (0, 1)),
            entry_control   TEXT,
            reported_on     TEXT,
            first_used_on   TEXT,
            notes           TEXT,
            created_at      TEXT NOT NULL,
            created_by      TEXT NOT NULL,
            updated_at      TEXT,
            updated_by      TEXT,
            closed_at       TEXT,
            closed_by       TEXT,
            close_reason    TEXT
        );
        CREATE INDEX workplaces_by_contract_id ON workplaces (contract_id);
        CREATE TRIGGER workplaces_no_delete BEFORE DELETE ON workplaces
            BEGIN SELECT RAISE(ABORT, 'register records are closed, never deleted'); END;
        CREATE TABLE id_cards (
            id              INTEGER PRIMARY KEY,
            contract_id     INTEGER NOT NULL REFERENCES contracts(id),
            person_id       INTEGER NOT NULL REFERENCES people(id),
            workplace_id    INTEGER REFERENCES workplaces(id),
            card_no         TEXT,
            issued_on       TEXT,
            returned_on     TEXT,
            created_at      TEXT NOT NULL,
            created_by      TEXT NOT NULL,
            updated_at      TEXT,
            updated_by      TEXT,
            closed_at       TEXT,
            closed_by       TEXT,
            close_reason    TEXT
        );
        CREATE INDEX id_cards_by_contract_id ON id_cards (contract_id);
        CREATE INDEX id_cards_by_person_id ON id_cards (person_id);
        CREATE INDEX id_cards_by_workplace_id ON id_cards (workplace_id);
        CREATE TRIGGER id_cards_no_delete BEFORE DELETE ON id_cards
            BEGIN SELECT RAISE(ABORT, 'register records are closed, never deleted'); END;
        CREATE TABLE media (
            id              INTEGER PRIMARY KEY,
            contract_id     INTEGER NOT NULL REFERENCES contracts(id),
            control_no      TEXT,
            media_type      TEXT,
            maker           TEXT,
            model           TEXT,
            serial          TEXT,
            volume_id       TEXT,
            capacity        TEXT,
            encrypted       INTEGER CHECK (encrypted IN (0, 1)),
            encryption_method TEXT,
            private_device  INTEGER CHECK (private_device IN (0, 1)),
            storage_place   TEXT,
            consent_on      TEXT,
            first_used_on   TEXT,
            notes           TEXT,
            doc_no          TEXT,
            created_at      TEXT NOT NULL,
            created_by      TEXT NOT NULL,
            updated_at      TEXT,
            updated_by      TEXT,
            closed_at       TEXT,
            closed_by       TEXT,
            close_reason    TEXT
        );
        CREATE INDEX media_by_contract_id ON media (contract_id);
        CREATE TRIGGER media_no_delete BEFORE DELETE ON media
            BEGIN SELECT RAISE(ABORT, 'register records are closed, never deleted'); END;
        CREATE TABLE media_inspections (
            id              INTEGER PRIMARY KEY,
            media_id        INTEGER NOT NULL REFERENCES media(id),
            inspected_on    TEXT,
            inspector       TEXT,
            storage_ok      INTEGER CHECK (storage_ok IN (0, 1)),
            backup_ok       INTEGER CHECK (backup_ok IN (0, 1)),
            accuracy_ok     INTEGER CHECK (accuracy_ok IN (0, 1)),
            result          TEXT,
            notes           TEXT,
            created_at      TEXT NOT NULL,
            created_by      TEXT NOT NULL,
            updated_at      TEXT,
            updated_by      TEXT,
            closed_at       TEXT,
            closed_by       TEXT,
            close_reason    TEXT
        );
        CREATE INDEX media_inspections_by_media_id ON media_inspections (media_id);
        CREATE TRIGGER media_inspections_no_delete BEFORE DELETE ON media_inspections
            BEGIN SELECT RAISE(ABORT, 'register records are closed, never deleted'); END;
        CREATE TABLE assets (
            id              INTEGER PRIMARY KEY,
            contract_id     INTEGER NOT NULL REFERENCES contracts(id),
            name            TEXT,
            items           TEXT,
            record_count    INTEGER,
            medium          TEXT,
            media_id        INTEGER REFERENCES media(id),
            users           TEXT,
            storage_place   TEXT,
            handling        TEXT,
            received_on     TEXT,
            handover_id     INTEGER REFERENCES handovers(id),
            returned_on     TEXT,
            disposed_on     TEXT,
            notes           TEXT,
            created_at      TEXT NOT NULL,
            created_by      TEXT NOT NULL,
            updated_at      TEXT,
            updated_by      TEXT,
            closed_at       TEXT,
            closed_by       TEXT,
            close_reason    TEXT
        );
        CREATE INDEX assets_by_contract_id ON assets (contract_id);
        CREATE INDEX assets_by_media_id ON assets (media_id);
        CREATE INDEX assets_by_handover_id ON assets (handover_id);
        CREATE TRIGGER assets_no_delete BEFORE DELETE ON assets
            BEGIN SELECT RAISE(ABORT, 'register records are closed, never deleted'); END;
        CREATE TABLE approvals (
            id              INTEGER PRIMARY KEY,
            contract_id     INTEGER NOT NULL REFERENCES contracts(id),
            approval_type   TEXT,
            scope           TEXT,
            asset_id        INTEGER REFERENCES assets(id),
            media_id        INTEGER REFERENCES media(id),
            requested_on    TEXT,
            requested_by    TEXT,
            status          TEXT,
            decided_on      TEXT,
            valid_until     TEXT,
            client_reference TEXT,
            doc_no          TEXT,
            created_at      TEXT NOT NULL,
            created_by      TEXT NOT NULL,
            updated_at      TEXT,
            updated_by      TEXT,
            closed_at       TEXT,
            closed_by       TEXT,
            close_reason    TEXT
        );
        CREATE INDEX approvals_by_contract_id ON approvals (contract_id);
        CREATE INDEX approvals_by_asset_id ON approvals (asset_id);
        CREATE INDEX approvals_by_media_id ON approvals (media_id);
        CREATE TRIGGER approvals_no_delete BEFORE DELETE ON approvals
            BEGIN SELECT RAISE(ABORT, 'register records are closed, never deleted'); END;
        CREATE TABLE takeouts (
            id              INTEGER PRIMARY KEY,
            contract_id     INTEGER NOT NULL REFERENCES contracts(id),
            activity        TEXT,
            asset_id        INTEGER REFERENCES assets(id),
            media_id        INTEGER REFERENCES media(id),
            person_id       INTEGER REFERENCES people(id),
            approval_id     INTEGER REFERENCES approvals(id),
            destination     TEXT,
            purpose         TEXT,
            transport       TEXT,
            started_at      TEXT,
            expected_return_at TEXT,
            returned_at     TEXT,
            created_at      TEXT NOT NULL,
            created_by      TEXT NOT NULL,
            updated_at      TEXT,
            updated_by      TEXT,
            closed_at       TEXT,
            closed_by       TEXT,
            close_reason    TEXT
        );
        CREATE INDEX takeouts_by_contract_id ON takeouts (contract_id);
        CREATE INDEX takeouts_by_asset_id ON takeouts (asset_id);
        CREATE INDEX takeouts_by_media_id ON takeouts (media_id);
        CREATE INDEX takeouts_by_person_id ON takeouts (person_id);
        CREATE INDEX takeouts_by_approval_id ON takeouts (approval_id);
        CREATE TRIGGER takeouts_no_delete BEFORE DELETE ON takeouts
            BEGIN SELECT RAISE(ABORT, 'register records are closed, never deleted'); END;
        CREATE TABLE handovers (
            id              INTEGER PRIMARY KEY,
            contract_id     INTEGER NOT NULL REFERENCES contracts(id),
            direction       TEXT,
            handed_at       TEXT,
            place           TEXT,
            method          TEXT,
            documents       TEXT,
            items           TEXT,
            record_count    INTEGER,
            medium          TEXT,
            handed_by       TEXT,
            received_by     TEXT,
            receipt_submitted_on TEXT,
            doc_no          TEXT,
            created_at      TEXT NOT NULL,
            created_by      TEXT NOT NULL,
            updated_at      TEXT,
            updated_by      TEXT,
            closed_at       TEXT,
            closed_by       TEXT,
            close_reason    TEXT
        );
        CREATE INDEX handovers_by_contract_id ON handovers (contract_id);
        CREATE TRIGGER handovers_no_delete BEFORE DELETE ON handovers
            BEGIN SELECT RAISE(ABORT, 'register records are closed, never deleted'); END;
        CREATE TABLE subcontracts (
            id              INTEGER PRIMARY KEY,
            contract_id     INTEGER NOT NULL REFERENCES contracts(id),
            name            TEXT,
            address         TEXT,
            reason          TEXT,
            content         TEXT,
            information     TEXT,
            safety_measures TEXT,
            supervision_method TEXT,
            period          TEXT,
            applied_on      TEXT,
            approved_on     TEXT,
            work_started_on TEXT,
            ended_on        TEXT,
            doc_no          TEXT,
            created_at      TEXT NOT NULL,
            created_by      TEXT NOT NULL,
            updated_at      TEXT,
            updated_by      TEXT,
            closed_at       TEXT,
            closed_by       TEXT,
            close_reason    TEXT
        );
        CREATE INDEX subcontracts_by_contract_id ON subcontracts (contract_id);
        CREATE TRIGGER subcontracts_no_delete BEFORE DELETE ON subcontracts
            BEGIN SELECT RAISE(ABORT, 'register records are closed, never deleted'); END;
        CREATE TABLE supervision_reports (
            id              INTEGER PRIMARY KEY,
            subcontract_id  INTEGER NOT NULL REFERENCES subcontracts(id),
            reported_on     TEXT,
            period          TEXT,
            content         TEXT,
            issues          TEXT,
            doc_no          TEXT,
            created_at      TEXT NOT NULL,
            created_by      TEXT NOT NULL,
            updated_at      TEXT,
            updated_by      TEXT,
            closed_at       TEXT,
            closed_by       TEXT,
            close_reason    TEXT
        );
        CREATE INDEX supervision_reports_by_subcontract_id ON supervision_reports (subcontract_id);
        CREATE TRIGGER supervision_reports_no_delete BEFORE DELETE ON supervision_reports
            BEGIN SELECT RAISE(ABORT, 'register records are closed, never deleted'); END;
        CREATE TABLE disposals (
            id              INTEGER PRIMARY KEY,
            contract_id     INTEGER NOT NULL REFERENCES contracts(id),
            action          TEXT,
            asset_id        INTEGER REFERENCES assets(id),
            items           TEXT,
            media_name      TEXT,
            quantity        TEXT,
            method          TEXT,
            planned_on      TEXT,
            applied_on      TEXT,
            approved_on     TEXT,
            witness_requested INTEGER CHECK (witness_requested IN (0, 1)),
            executed_at     TEXT,
            executed_by     TEXT,
            witness         TEXT,
            physical_destruction INTEGER CHECK (physical_destruction IN (0, 1)),
            reported_on     TEXT,
            doc_no          TEXT,
            created_at      TEXT NOT NULL,
            created_by      TEXT NOT NULL,
            updated_at      TEXT,
            updated_by      TEXT,
            closed_at       TEXT,
            closed_by       TEXT,
            close_reason    TEXT
        );
        CREATE INDEX disposals_by_contract_id ON disposals (contract_id);
        CREATE INDEX disposals_by_asset_id ON disposals (asset_id);
        CREATE TRIGGER disposals_no_delete BEFORE DELETE ON disposals
            BEGIN SELECT RAISE(ABORT, 'register records are closed, never deleted'); END;
        CREATE TABLE complaints (
            id              INTEGER PRIMARY KEY,
            contract_id     INTEGER NOT NULL REFERENCES contracts(id),
            received_at     TEXT,
            received_by     TEXT,
            content         TEXT,
            progress        TEXT,
            reported_at     TEXT,
            resolved_on     TEXT,
            doc_no          TEXT,
            created_at      TEXT NOT NULL,
            created_by      TEXT NOT NULL,
            updated_at      TEXT,
            updated_by      TEXT,
            closed_at       TEXT,
            closed_by       TEXT,
            close_reason    TEXT
        );
        CREATE INDEX complaints_by_contract_id ON complaints (contract_id);
        CREATE TRIGGER complaints_no_delete BEFORE DELETE ON complaints
            BEGIN SELECT RAISE(ABORT, 'register records are closed, never deleted'); END;
        CREATE TABLE incidents (
            id              INTEGER PRIMARY KEY,
            contract_id     INTEGER NOT NULL REFERENCES contracts(id),
            occurred_at     TEXT,
            discovered_at   TEXT,
            place           TEXT,
            summary         TEXT,
            items           TEXT,
            affected_count  INTEGER,
            cause           TEXT,
            secondary_damage TEXT,
            response_to_individuals TEXT,
            publication     TEXT,
            prevention      TEXT,
            other           TEXT,
            first_report_at TEXT,
            final_report_at TEXT,
            doc_no          TEXT,
            created_at      TEXT NOT NULL,
            created_by      TEXT NOT NULL,
            updated_at      TEXT,
            updated_by      TEXT,
            closed_at       TEXT,
            closed_by       TEXT,
            close_reason    TEXT
        );
        CREATE INDEX incidents_by_contract_id ON incidents (contract_id);
        CREATE TRIGGER incidents_no_delete BEFORE DELETE ON incidents
            BEGIN SELECT RAISE(ABORT, 'register records are closed, never deleted'); END;
        CREATE TABLE emergency_plans (
            id              INTEGER PRIMARY KEY,
            contract_id     INTEGER NOT NULL REFERENCES contracts(id),
            title           TEXT,
            established_on  TEXT,
            contacts        TEXT,
            content         TEXT,
            reviewed_on     TEXT,
            doc_no          TEXT,
            created_at      TEXT NOT NULL,
            created_by      TEXT NOT NULL,
            updated_at      TEXT,
            updated_by      TEXT,
            closed_at       TEXT,
            closed_by       TEXT,
            close_reason    TEXT
        );
        CREATE INDEX emergency_plans_by_contract_id ON emergency_plans (contract_id);
        CREATE TRIGGER emergency_plans_no_delete BEFORE DELETE ON emergency_plans
            BEGIN SELECT RAISE(ABORT, 'register records are closed, never deleted'); END;
        CREATE TABLE inspections (
            id              INTEGER PRIMARY KEY,
            contract_id     INTEGER NOT NULL REFERENCES contracts(id),
            inspected_on    TEXT,
            inspectors      TEXT,
            scope           TEXT,
            findings        TEXT,
            created_at      TEXT NOT NULL,
            created_by      TEXT NOT NULL,
            updated_at      TEXT,
            updated_by      TEXT,
            closed_at       TEXT,
            closed_by       TEXT,
            close_reason    TEXT
        );
        CREATE INDEX inspections_by_contract_id ON inspections (contract_id);
        CREATE TRIGGER inspections_no_delete BEFORE DELETE ON inspections
            BEGIN SELECT RAISE(ABORT, 'register records are closed, never deleted'); END;
        CREATE TABLE improvement_orders (
            id              INTEGER PRIMARY KEY,
            contract_id     INTEGER NOT NULL REFERENCES contracts(id),
            inspection_id   INTEGER REFERENCES inspections(id),
            ordered_on      TEXT,
            content         TEXT,
            due_on          TEXT,
            response        TEXT,
            responded_on    TEXT,
            doc_no          TEXT,
            created_at      TEXT NOT NULL,
            created_by      TEXT NOT NULL,
            updated_at      TEXT,
            updated_by      TEXT,
            closed_at       TEXT,
            closed_by       TEXT,
            close_reason    TEXT
        );
        CREATE INDEX improvement_orders_by_contract_id ON improvement_orders (contract_id);
        CREATE INDEX improvement_orders_by_inspection_id ON improvement_orders (inspection_id);
        CREATE TRIGGER improvement_orders_no_delete BEFORE DELETE ON improvement_orders
            BEGIN SELECT RAISE(ABORT, 'register records are closed, never deleted'); END;
        CREATE TABLE record_requests (
            id              INTEGER PRIMARY KEY,
            contract_id     INTEGER NOT NULL REFERENCES contracts(id),
            received_on     TEXT,
            requested_by    TEXT,
            request         TEXT,
            due_on          TEXT,
            submitted_on    TEXT,
            submission_method TEXT,
            doc_no          TEXT,
            notes           TEXT,
            created_at      TEXT NOT NULL,
            created_by      TEXT NOT NULL,
            updated_at      TEXT,
            updated_by      TEXT,
            closed_at       TEXT,
            closed_by       TEXT,
            close_reason    TEXT
        );
        CREATE INDEX record_requests_by_contract_id ON record_requests (contract_id);
        CREATE TRIGGER record_requests_no_delete BEFORE DELETE ON record_requests
            BEGIN SELECT RAISE(ABORT, 'register records are closed, never deleted'); END;
        """
    )
