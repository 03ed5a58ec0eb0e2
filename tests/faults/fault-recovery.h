/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fault-recovery.h — drafts after a crash, the last test of test-faults
 */
#pragma once

void test_draft_recovery (void);
