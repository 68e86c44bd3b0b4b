<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AlertBanner</name>
    <message>
        <location filename="../../console/ui/alert_banner.py" line="+179"/>
        <source>New P1 safety request {reference}</source>
        <translation>New P1 safety request {reference}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{reference}: triage deadline passed</source>
        <translation>{reference}: triage deadline passed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{reference}: assignment deadline passed</source>
        <translation>{reference}: assignment deadline passed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{reference}: arrival deadline passed</source>
        <translation>{reference}: arrival deadline passed</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{count} new P1 safety requests</source>
        <translation>{count} new P1 safety requests</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} requests past the triage deadline</source>
        <translation>{count} requests past the triage deadline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} requests past the assignment deadline</source>
        <translation>{count} requests past the assignment deadline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} requests past the arrival deadline</source>
        <translation>{count} requests past the arrival deadline</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No alerts</source>
        <translation>No alerts</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>List ({count})</source>
        <translation>List ({count})</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>… and {count} more</source>
        <translation>… and {count} more</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Select the most urgent alerted request</source>
        <translation>Select the most urgent alerted request</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List the alerted requests</source>
        <translation>List the alerted requests</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>&amp;Mute alerts</source>
        <translation>&amp;Mute alerts</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Silence the alert sound on this workstation (the banner still shows)</source>
        <translation>Silence the alert sound on this workstation (the banner still shows)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dismiss all alerts</source>
        <translation>Dismiss all alerts</translation>
    </message>
</context>
<context>
    <name>CancelReasonDialog</name>
    <message>
        <location filename="../../console/ui/request_detail.py" line="+101"/>
        <source>Caller cancelled</source>
        <translation>Caller cancelled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caller fixed it themselves</source>
        <translation>Caller fixed it themselves</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicate call</source>
        <translation>Duplicate call</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vehicle towed by others</source>
        <translation>Vehicle towed by others</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No answer at callback</source>
        <translation>No answer at callback</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Choose a reason from the list.</source>
        <translation>Choose a reason from the list.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Describe the reason for “Other”.</source>
        <translation>Describe the reason for “Other”.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel request</source>
        <translation>Cancel request</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why is {reference} cancelled?</source>
        <translation>Why is {reference} cancelled?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional; required for “Other”</source>
        <translation>Optional; required for “Other”</translation>
    </message>
</context>
<context>
    <name>ChoiceFilterButton</name>
    <message>
        <location filename="../../console/ui/filter_bar.py" line="+101"/>
        <source>Show all</source>
        <translation>Show all</translation>
    </message>
</context>
<context>
    <name>ComplaintDialog</name>
    <message>
        <location filename="../../console/ui/dashboard/dialogs.py" line="+108"/>
        <source>New complaint</source>
        <translation>New complaint</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Complaint about {reference}: an answer is due within 24 hours.</source>
        <translation>Complaint about {reference}: an answer is due within 24 hours.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint</source>
        <translation>Complaint</translation>
    </message>
</context>
<context>
    <name>CompletionDialog</name>
    <message>
        <location filename="../../console/ui/pricing_panel.py" line="+120"/>
        <source>Enter the towed distance in km.</source>
        <translation>Enter the towed distance in km.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Complete and bill</source>
        <translation>Complete and bill</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What happened on {reference}? The bill is made from these figures.</source>
        <translation>What happened on {reference}? The bill is made from these figures.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Actual tow distance (km)</source>
        <translation>Actual tow distance (km)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Waiting on scene (min)</source>
        <translation>Waiting on scene (min)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Winching (min)</source>
        <translation>Winching (min)</translation>
    </message>
</context>
<context>
    <name>Coverage</name>
    <message>
        <location filename="../../console/ui/reach_labels.py" line="+14"/>
        <source>Any tow truck</source>
        <translation>Any tow truck</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flatbed</source>
        <translation>Flatbed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heavy wrecker</source>
        <translation>Heavy wrecker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EV-certified</source>
        <translation>EV-certified</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service van</source>
        <translation>Service van</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bilingual</source>
        <translation>Bilingual</translation>
    </message>
</context>
<context>
    <name>CoverageTile</name>
    <message>
        <location filename="../../console/ui/dashboard/coverage_tile.py" line="+126"/>
        <source>Coverage now</source>
        <translation>Coverage now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reached</source>
        <translation>Reached</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Holes</source>
        <translation>Holes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cities a free crew does not reach in time</source>
        <translation>Cities a free crew does not reach in time</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Measuring…</source>
        <translation>Measuring…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Within {minutes} min of a free crew</source>
        <translation>Within {minutes} min of a free crew</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Share of the expected calls (cities weighted by size, as in the digital twin) that a free crew with the capability reaches within {minutes} min, the P2 (standard) urban arrival target. The large figure is the mean of the rows; a hole is a city outside the target. {crews} free crews, {places} cities.</source>
        <translation>Share of the expected calls (cities weighted by size, as in the digital twin) that a free crew with the capability reaches within {minutes} min, the P2 (standard) urban arrival target. The large figure is the mean of the rows; a hole is a city outside the target. {crews} free crews, {places} cities.</translation>
    </message>
</context>
<context>
    <name>CrewBoardPanel</name>
    <message>
        <location filename="../../console/ui/crew_board.py" line="+260"/>
        <source>Search call sign or depot</source>
        <translation>Search call sign or depot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vehicle</source>
        <translation>Vehicle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feed</source>
        <translation>Feed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Province or city of the depot</source>
        <translation>Province or city of the depot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear filters</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set to {status}</source>
        <translation>Set to {status}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Devices…</source>
        <translation>Devices…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The phones that report this crew&apos;s position</source>
        <translation>The phones that report this crew&apos;s position</translation>
    </message>
    <message>
        <location line="+194"/>
        <source>The change could not be saved; the connection may be down.</source>
        <translation>The change could not be saved; the connection may be down.</translation>
    </message>
</context>
<context>
    <name>CrewTableModel</name>
    <message>
        <location filename="../../console/ui/crew_model.py" line="+248"/>
        <source>Call sign</source>
        <translation>Call sign</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Depot</source>
        <translation>Depot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vehicle</source>
        <translation>Vehicle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skills</source>
        <translation>Skills</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GPS age</source>
        <translation>GPS age</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>HV</source>
        <translation>HV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bilingual</source>
        <translation>Bilingual</translation>
    </message>
    <message>
        <location line="-100"/>
        <location line="+126"/>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <location line="-158"/>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quiet</source>
        <translation>Quiet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Silent</source>
        <translation>Silent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No fix yet</source>
        <translation>No fix yet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No device</source>
        <translation>No device</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Feed silent for {age}: the position may be out of date.</source>
        <translation>Feed silent for {age}: the position may be out of date.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A device is registered but has not reported yet.</source>
        <translation>A device is registered but has not reported yet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No registered device: positions are entered by hand.</source>
        <translation>No registered device: positions are entered by hand.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Newest fix: {time}</source>
        <translation>Newest fix: {time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Active devices: {count}</source>
        <translation>Active devices: {count}</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+127"/>
        <source>{hours} h {minutes:02d} min</source>
        <translation>{hours} h {minutes:02d} min</translation>
    </message>
    <message>
        <location line="-95"/>
        <source>Feed</source>
        <translation>Feed</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>GPS fix is stale (older than 10 minutes)</source>
        <translation>GPS fix is stale (older than 10 minutes)</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../console/ui/dashboard/texts.py" line="+13"/>
        <source>Requests opened</source>
        <translation>Requests opened</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jobs completed</source>
        <translation>Jobs completed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for a crew</source>
        <translation>Waiting for a crew</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting: P1 safety</source>
        <translation>Waiting: P1 safety</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting: P2 standard</source>
        <translation>Waiting: P2 standard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting: P3 scheduled</source>
        <translation>Waiting: P3 scheduled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oldest waiting</source>
        <translation>Oldest waiting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SLA at risk</source>
        <translation>SLA at risk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SLA breached</source>
        <translation>SLA breached</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean time to assign</source>
        <translation>Mean time to assign</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assigned within 2 min</source>
        <translation>Assigned within 2 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean time to arrival</source>
        <translation>Mean time to arrival</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P90 time to arrival</source>
        <translation>P90 time to arrival</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrivals within SLA</source>
        <translation>Arrivals within SLA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P1 arrivals within SLA</source>
        <translation>P1 arrivals within SLA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crews on duty</source>
        <translation>Crews on duty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crews on a job</source>
        <translation>Crews on a job</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crew utilisation</source>
        <translation>Crew utilisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixed by phone</source>
        <translation>Fixed by phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-ups</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean score</source>
        <translation>Mean score</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfied (4-5)</source>
        <translation>Satisfied (4-5)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaints open</source>
        <translation>Complaints open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaints overdue</source>
        <translation>Complaints overdue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaints answered in 24 h</source>
        <translation>Complaints answered in 24 h</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>/ 5</source>
        <translation>/ 5</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Late arrival</source>
        <translation>Late arrival</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crew conduct</source>
        <translation>Crew conduct</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vehicle damage</source>
        <translation>Vehicle damage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pricing</source>
        <translation>Pricing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Communication</source>
        <translation>Communication</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered</source>
        <translation>Answered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
</context>
<context>
    <name>DashboardCharts</name>
    <message>
        <location filename="../../console/ui/dashboard/charts.py" line="+131"/>
        <source>Waiting for a crew, by priority</source>
        <translation>Waiting for a crew, by priority</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This shift, by hour</source>
        <translation>This shift, by hour</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Arrivals within SLA (%)</source>
        <translation>Arrivals within SLA (%)</translation>
    </message>
</context>
<context>
    <name>DashboardReport</name>
    <message>
        <location filename="../../console/ui/dashboard/report_pdf.py" line="+42"/>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Produced</source>
        <translation>Produced</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key figures</source>
        <translation>Key figures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Figure</source>
        <translation>Figure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actual</source>
        <translation>Actual</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charts</source>
        <translation>Charts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partner scorecards</source>
        <translation>Partner scorecards</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On time</source>
        <translation>On time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfied</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaints</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>met</source>
        <translation>met</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>missed</source>
        <translation>missed</translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <location filename="../../console/ui/dashboard/window.py" line="+216"/>
        <source>Supervisor dashboard</source>
        <translation>Supervisor dashboard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dashboard toolbar</source>
        <translation>Dashboard toolbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period: </source>
        <translation>Period: </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current shift</source>
        <translation>Current shift</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report CSV…</source>
        <translation>Report CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report PDF…</source>
        <translation>Report PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export table…</source>
        <translation>Export table…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the table below as CSV, sorted as shown</source>
        <translation>Save the table below as CSV, sorted as shown</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan moves…</source>
        <translation>Plan moves…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a coverage plan file and export its moves as CSV for the depots</source>
        <translation>Open a coverage plan file and export its moves as CSV for the depots</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close the dashboard</source>
        <translation>Close the dashboard</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>Complaints</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Partner scorecards</source>
        <translation>Partner scorecards</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Depot scorecards</source>
        <translation>Depot scorecards</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jobs this period</source>
        <translation>Jobs this period</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+11"/>
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+11"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Answered</source>
        <translation>Answered</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Complaint</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>On time</source>
        <translation>On time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Satisfied</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint rate</source>
        <translation>Complaint rate</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To assign</source>
        <translation>To assign</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To arrive</source>
        <translation>To arrive</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location line="+90"/>
        <location line="+32"/>
        <source>Updated {time}</source>
        <translation>Updated {time}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Target ≥ {target}</source>
        <translation>Target ≥ {target}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Assign within {minutes} min</source>
        <translation>Assign within {minutes} min</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{count} at risk</source>
        <translation>{count} at risk</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>P90 {value}</source>
        <translation>P90 {value}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{busy} of {on_duty} on a job</source>
        <translation>{busy} of {on_duty} on a job</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{part} of {whole} calls</source>
        <translation>{part} of {whole} calls</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>mean {value}</source>
        <translation>mean {value}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{count} overdue</source>
        <translation>{count} overdue</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{count} requests opened</source>
        <translation>{count} requests opened</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SLA breached</source>
        <translation>SLA breached</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>{status} – overdue</source>
        <translation>{status} – overdue</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Record satisfaction…</source>
        <translation>Record satisfaction…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open complaint…</source>
        <translation>Open complaint…</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+16"/>
        <source>Export EIDO JSON…</source>
        <translation>Export EIDO JSON…</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Record answer…</source>
        <translation>Record answer…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close complaint…</source>
        <translation>Close complaint…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Answer complaint</source>
        <translation>Answer complaint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was the caller told about {reference}?</source>
        <translation>What was the caller told about {reference}?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Close complaint</source>
        <translation>Close complaint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How was the complaint about {reference} resolved?</source>
        <translation>How was the complaint about {reference} resolved?</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+94"/>
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>Daily report {day}</source>
        <translation>Daily report {day}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shift report {day} from {time}</source>
        <translation>Shift report {day} from {time}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Export EIDO JSON</source>
        <translation>Export EIDO JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Not a coverage plan</source>
        <translation>Not a coverage plan</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+1"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save report</source>
        <translation>Save report</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Saved {path}</source>
        <translation>Saved {path}</translation>
    </message>
</context>
<context>
    <name>DatabaseLostNotice</name>
    <message>
        <location filename="../../console/ui/database_lost.py" line="+54"/>
        <source>Database file is missing</source>
        <translation>Database file is missing</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database file was replaced</source>
        <translation>Database file was replaced</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saving is stopped so that no call is reported as saved when it is not. Write down the calls you are taking, restore the database from the latest backup (roadside-console restore BACKUP) and start the console again. Other workstations on the same file are affected too.</source>
        <translation>Saving is stopped so that no call is reported as saved when it is not. Write down the calls you are taking, restore the database from the latest backup (roadside-console restore BACKUP) and start the console again. Other workstations on the same file are affected too.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saving is stopped so that no call is reported as saved when it is not. This console still reaches the lost database: save a rescue copy first (it holds everything saved up to now), then restore it with roadside-console restore COPY and start the console again. Other workstations on the same file are affected too.</source>
        <translation>Saving is stopped so that no call is reported as saved when it is not. This console still reaches the lost database: save a rescue copy first (it holds everything saved up to now), then restore it with roadside-console restore COPY and start the console again. Other workstations on the same file are affected too.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save a rescue copy…</source>
        <translation>Save a rescue copy…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit the console</source>
        <translation>Quit the console</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the window open (read only)</source>
        <translation>Keep the window open (read only)</translation>
    </message>
</context>
<context>
    <name>DevicesDialog</name>
    <message>
        <location filename="../../console/ui/devices_dialog.py" line="+148"/>
        <source>Devices of {crew}</source>
        <translation>Devices of {crew}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Identifier</source>
        <translation>Identifier</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Added</source>
        <translation>Added</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add device…</source>
        <translation>Add device…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revoke…</source>
        <translation>Revoke…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings for the phone</source>
        <translation>Settings for the phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identifier:</source>
        <translation>Identifier:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the identifier to the clipboard</source>
        <translation>Copy the identifier to the clipboard</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shown only this once: scan the code with Traccar Client (Settings ▸ scan QR code) or type the server and identifier into the app. The identifier is a password; whoever holds it can report for this crew.</source>
        <translation>Shown only this once: scan the code with Traccar Client (Settings ▸ scan QR code) or type the server and identifier into the app. The identifier is a password; whoever holds it can report for this crew.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Give the device a label, e.g. the phone&apos;s owner.</source>
        <translation>Give the device a label, e.g. the phone&apos;s owner.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A label may hold at most {count} characters.</source>
        <translation>A label may hold at most {count} characters.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Added {label}. Set up the phone now.</source>
        <translation>Added {label}. Set up the phone now.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Revoked {label}: its fixes are refused from now on.</source>
        <translation>Revoked {label}: its fixes are refused from now on.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Server URL: {url}</source>
        <translation>Server URL: {url}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device identifier: {id}</source>
        <translation>Device identifier: {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reporting interval: {seconds} s</source>
        <translation>Reporting interval: {seconds} s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heartbeat when standing still: {seconds} s</source>
        <translation>Heartbeat when standing still: {seconds} s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Location accuracy: high</source>
        <translation>Location accuracy: high</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Configuration link (the QR code):</source>
        <translation>Configuration link (the QR code):</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Add device</source>
        <translation>Add device</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label (e.g. the phone&apos;s owner or the vehicle):</source>
        <translation>Label (e.g. the phone&apos;s owner or the vehicle):</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Revoke device</source>
        <translation>Revoke device</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revoke {label} (…{hint})? The phone can no longer report for {crew}; this cannot be undone.</source>
        <translation>Revoke {label} (…{hint})? The phone can no longer report for {crew}; this cannot be undone.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revoked {when}</source>
        <translation>Revoked {when}</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../console/ui/labels.py" line="+212"/>
        <source>{field} is required.</source>
        <translation>{field} is required.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field} is too long (at most {limit} characters).</source>
        <translation>{field} is too long (at most {limit} characters).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{field} contains invisible control characters.</source>
        <translation>{field} contains invisible control characters.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{field} must be a number.</source>
        <translation>{field} must be a number.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field} has an unknown value: {value}.</source>
        <translation>{field} has an unknown value: {value}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field} must be text.</source>
        <translation>{field} must be text.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field} must be a whole number from {low} to {high}.</source>
        <translation>{field} must be a whole number from {low} to {high}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{field} must be a date and time with a time zone.</source>
        <translation>{field} must be a date and time with a time zone.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{field} must be yes or no.</source>
        <translation>{field} must be yes or no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone number {value} is not valid: use a mainland mobile (11 digits, 1xx), a landline with area code (0xx-xxxxxxxx) or an international number with +.</source>
        <translation>Phone number {value} is not valid: use a mainland mobile (11 digits, 1xx), a landline with area code (0xx-xxxxxxxx) or an international number with +.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Plate {value} is not a valid Chinese licence plate.</source>
        <translation>Plate {value} is not a valid Chinese licence plate.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Latitude {value} is outside -90 to 90.</source>
        <translation>Latitude {value} is outside -90 to 90.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longitude {value} is outside -180 to 180.</source>
        <translation>Longitude {value} is outside -180 to 180.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The location {lat}, {lon} is outside the service area (mainland China).</source>
        <translation>The location {lat}, {lon} is outside the service area (mainland China).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A reason is required.</source>
        <translation>A reason is required.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter a location or pick a city.</source>
        <translation>Enter a location or pick a city.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A request cannot move from {from_status} to {to_status}.</source>
        <translation>A request cannot move from {from_status} to {to_status}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a crew to assign.</source>
        <translation>Choose a crew to assign.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A {service} request cannot move to {to_status}.</source>
        <translation>A {service} request cannot move to {to_status}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use the {operation} action to move a request to {to_status}.</source>
        <translation>Use the {operation} action to move a request to {to_status}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Crew {crew} is no longer available (now {status}).</source>
        <translation>Crew {crew} is no longer available (now {status}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Crew {crew} was changed by someone else; refresh and try again.</source>
        <translation>Crew {crew} was changed by someone else; refresh and try again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Crew {crew} is on a job and cannot be set to {status} by hand.</source>
        <translation>Crew {crew} is on a job and cannot be set to {status} by hand.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A crew cannot be set to {status} by hand.</source>
        <translation>A crew cannot be set to {status} by hand.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Request {reference} was changed by someone else; refresh and try again.</source>
        <translation>Request {reference} was changed by someone else; refresh and try again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Someone else changed this record at the same moment; refresh and try again.</source>
        <translation>Someone else changed this record at the same moment; refresh and try again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Request {reference} has no crew assigned.</source>
        <translation>Request {reference} has no crew assigned.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no request {key}.</source>
        <translation>There is no request {key}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no crew {key}.</source>
        <translation>There is no crew {key}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no device {key}.</source>
        <translation>There is no device {key}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database address {url} is not valid: {detail}</source>
        <translation>The database address {url} is not valid: {detail}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Database {url} is not supported: use sqlite:///FILE or postgresql+psycopg://HOST/DB.</source>
        <translation>Database {url} is not supported: use sqlite:///FILE or postgresql+psycopg://HOST/DB.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot open the database {url}: {detail}</source>
        <translation>Cannot open the database {url}: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database schema is at {current}, this console needs {head}: run `roadside-console db upgrade`.</source>
        <translation>The database schema is at {current}, this console needs {head}: run `roadside-console db upgrade`.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The database schema {current} is newer than this console knows; upgrade the console.</source>
        <translation>The database schema {current} is newer than this console knows; upgrade the console.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The database already holds demo data; pass --replace to seed it again.</source>
        <translation>The database already holds demo data; pass --replace to seed it again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database file {path} is missing: it was deleted or moved while the console ran. Nothing more is saved; restore it from a backup and restart the console.</source>
        <translation>The database file {path} is missing: it was deleted or moved while the console ran. Nothing more is saved; restore it from a backup and restart the console.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The database file {path} was replaced by another file while the console ran. Nothing more is saved; restart the console to open the file now there.</source>
        <translation>The database file {path} was replaced by another file while the console ran. Nothing more is saved; restart the console to open the file now there.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not save a rescue copy to {path}: {detail}</source>
        <translation>Could not save a rescue copy to {path}: {detail}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database {path} held data before and is now missing or empty: restore it from a backup, or pass --new-database to start a new one there.</source>
        <translation>The database {path} held data before and is now missing or empty: restore it from a backup, or pass --new-database to start a new one there.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Plan file {path} cannot be read: {detail}.</source>
        <translation>Plan file {path} cannot be read: {detail}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Configuration file {path} is not valid: {detail}</source>
        <translation>Configuration file {path} is not valid: {detail}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Seed option {option} is not valid: {detail}</source>
        <translation>Seed option {option} is not valid: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed data file {path} is missing or damaged: {detail}</source>
        <translation>Seed data file {path} is missing or damaged: {detail}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot read {path}: {detail}</source>
        <translation>Cannot read {path}: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot write {path}: {detail}</source>
        <translation>Cannot write {path}: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} already exists; choose another name or move that file away first.</source>
        <translation>{path} already exists; choose another name or move that file away first.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is not a regular file (a device, pipe or socket); choose a file.</source>
        <translation>{path} is not a regular file (a device, pipe or socket); choose a file.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is too large (more than {limit}).</source>
        <translation>{path} is too large (more than {limit}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is not UTF-8 text (line {line}).</source>
        <translation>{path} is not UTF-8 text (line {line}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The ledger is broken at event {seq}: {detail}</source>
        <translation>The ledger is broken at event {seq}: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} user account(s) do not match the ledger ({detail}): run verify.</source>
        <translation>{count} user account(s) do not match the ledger ({detail}): run verify.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checkpoint file {path} is not valid: {detail}</source>
        <translation>Checkpoint file {path} is not valid: {detail}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The console backs up only its SQLite file; back up PostgreSQL with its own tools: pg_dump -Fc -f FILE DBNAME, and restore with pg_restore --clean -d DBNAME FILE.</source>
        <translation>The console backs up only its SQLite file; back up PostgreSQL with its own tools: pg_dump -Fc -f FILE DBNAME, and restore with pg_restore --clean -d DBNAME FILE.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{path} is not a backup of this console: {detail}</source>
        <translation>{path} is not a backup of this console: {detail}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is the database itself; restore from a copy.</source>
        <translation>{path} is the database itself; restore from a copy.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backup refused: {path} {detail}.</source>
        <translation>Backup refused: {path} {detail}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database {url} already holds data; pass --force to replace it with the backup.</source>
        <translation>The database {url} already holds data; pass --force to replace it with the backup.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The database {url} is open in a console or another program; close it, then restore again.</source>
        <translation>The database {url} is open in a console or another program; close it, then restore again.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{path} is not UTF-8 text (line {line}): save it as “CSV UTF-8”.</source>
        <translation>{path} is not UTF-8 text (line {line}): save it as “CSV UTF-8”.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is too large to import (more than {limit}).</source>
        <translation>{path} is too large to import (more than {limit}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is not a valid CSV file at line {line}: {detail}</source>
        <translation>{path} is not a valid CSV file at line {line}: {detail}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} has a header but no rows to import.</source>
        <translation>{path} has a header but no rows to import.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is empty: the first line must name the columns.</source>
        <translation>{path} is empty: the first line must name the columns.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} lacks the column(s) {columns}.</source>
        <translation>{path} lacks the column(s) {columns}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} has unknown column(s) {columns}.</source>
        <translation>{path} has unknown column(s) {columns}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} names the column {column} more than once.</source>
        <translation>{path} names the column {column} more than once.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The line has {found} fields but the header names {expected}.</source>
        <translation>The line has {found} fields but the header names {expected}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path}: {count} row(s) are not valid; nothing was imported.</source>
        <translation>{path}: {count} row(s) are not valid; nothing was imported.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{field} {value} appears more than once in the file (first on line {first}).</source>
        <translation>{field} {value} appears more than once in the file (first on line {first}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{field} {value} already exists in the database.</source>
        <translation>{field} {value} already exists in the database.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field} {value} is not valid: use letters, digits, - and _ (at most {limit}).</source>
        <translation>{field} {value} is not valid: use letters, digits, - and _ (at most {limit}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Administrative code {value} is not valid: use 6 or 12 digits.</source>
        <translation>Administrative code {value} is not valid: use 6 or 12 digits.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no partner {value}.</source>
        <translation>There is no partner {value}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no depot {value}.</source>
        <translation>There is no depot {value}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pricing file {path} is not valid: {field_path} {detail}.</source>
        <translation>Pricing file {path} is not valid: {field_path} {detail}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Request {reference} has no accepted quote.</source>
        <translation>Request {reference} has no accepted quote.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request {reference} is already billed; its quote can no longer change.</source>
        <translation>Request {reference} is already billed; its quote can no longer change.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Request {reference} is closed; it can no longer be quoted.</source>
        <translation>Request {reference} is closed; it can no longer be quoted.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Request {reference} has no bill yet.</source>
        <translation>Request {reference} has no bill yet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{user} ({role}) is not allowed to do this ({permission}).</source>
        <translation>{user} ({role}) is not allowed to do this ({permission}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Crew {crew} may move only its own current job, not {reference}.</source>
        <translation>Crew {crew} may move only its own current job, not {reference}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wrong user name or password.</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too many failed sign-ins: try again in {minutes} minute(s).</source>
        <translation>Too many failed sign-ins: try again in {minutes} minute(s).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Account {username} does not match the ledger ({detail}): sign-in refused; ask an administrator to run verify.</source>
        <translation>Account {username} does not match the ledger ({detail}): sign-in refused; ask an administrator to run verify.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>User name {value} is not valid: use 2 to 64 lower-case letters, digits, ., _ or -.</source>
        <translation>User name {value} is not valid: use 2 to 64 lower-case letters, digits, ., _ or -.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There is already a user {username}.</source>
        <translation>There is already a user {username}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You cannot disable your own account.</source>
        <translation>You cannot disable your own account.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no user {key}.</source>
        <translation>There is no user {key}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The password must be {low} to {high} characters long.</source>
        <translation>The password must be {low} to {high} characters long.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The password must not be the user name.</source>
        <translation>The password must not be the user name.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The two passwords are not the same.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request {reference} is not completed; follow-ups are for completed jobs.</source>
        <translation>Request {reference} is not completed; follow-ups are for completed jobs.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Request {reference} already has a satisfaction score.</source>
        <translation>Request {reference} already has a satisfaction score.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no complaint {key}.</source>
        <translation>There is no complaint {key}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint {key} is already closed.</source>
        <translation>Complaint {key} is already closed.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint {key} has already been answered.</source>
        <translation>Complaint {key} has already been answered.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint {key} was changed by someone else; refresh and try again.</source>
        <translation>Complaint {key} was changed by someone else; refresh and try again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Report day {value} is not valid: use YYYY-MM-DD.</source>
        <translation>Report day {value} is not valid: use YYYY-MM-DD.</translation>
    </message>
</context>
<context>
    <name>GuidancePanel</name>
    <message>
        <location filename="../../console/ui/guidance_panel.py" line="+260"/>
        <source>Select a request first.</source>
        <translation>Select a request first.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The database cannot be reached.</source>
        <translation>The database cannot be reached.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request {reference} is {status}: it cannot be guided.</source>
        <translation>Request {reference} is {status}: it cannot be guided.</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>The outcome could not be saved; the connection may be down. Try again.</source>
        <translation>The outcome could not be saved; the connection may be down. Try again.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved: {reference} is {status}.</source>
        <translation>Saved: {reference} is {status}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+43"/>
        <source>Guidance</source>
        <translation>Guidance</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Guide the caller…</source>
        <translation>Guide the caller…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Walk the caller through a guidance script for the selected request (F6)</source>
        <translation>Walk the caller through a guidance script for the selected request (F6)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Guide the selected request&apos;s caller; in the new-call form F6 stores the call and guides it, without asking the safety questions again</source>
        <translation>Guide the selected request&apos;s caller; in the new-call form F6 stores the call and guides it, without asking the safety questions again</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finish and save (Ctrl+S)</source>
        <translation>Finish and save (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back (Backspace)</source>
        <translation>Back (Backspace)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escalate to dispatch (Ctrl+E)</source>
        <translation>Escalate to dispatch (Ctrl+E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Path so far</source>
        <translation>Path so far</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Select a request and press F6, or choose “Guide the caller” in intake.</source>
        <translation>Select a request and press F6, or choose “Guide the caller” in intake.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{reference} · {protocol} (caller speaks {language})</source>
        <translation>{reference} · {protocol} (caller speaks {language})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chinese</source>
        <translation>Chinese</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Escalated</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{answer} (at intake)</source>
        <translation>{answer} (at intake)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Answered at intake, not asked again: {answers}</source>
        <translation>Answered at intake, not asked again: {answers}</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Outcome {code}: {label}
Service: {service} · Priority: {priority}{equipment}</source>
        <translation>Outcome {code}: {label}
Service: {service} · Priority: {priority}{equipment}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> · Needs: {kinds}</source>
        <translation> · Needs: {kinds}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The request will be closed as resolved by phone.</source>
        <translation>The request will be closed as resolved by phone.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The request will be queued for a crew.</source>
        <translation>The request will be queued for a crew.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Ask the caller</source>
        <translation>Ask the caller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the instruction, then check</source>
        <translation>Read the instruction, then check</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Safety warning: read it out now</source>
        <translation>Safety warning: read it out now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tell the caller</source>
        <translation>Tell the caller</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Guidance is unavailable</source>
        <translation>Guidance is unavailable</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The guidance scripts have {count} problem(s) and will not be used until they are fixed (run “python main.py guidance check”):</source>
        <translation>The guidance scripts have {count} problem(s) and will not be used until they are fixed (run “python main.py guidance check”):</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>That number is not covered by the script; escalate instead.</source>
        <translation>That number is not covered by the script; escalate instead.</translation>
    </message>
</context>
<context>
    <name>GuidanceText</name>
    <message>
        <location filename="../../console/ui/guidance_text.py" line="+37"/>
        <source>{question} escalated</source>
        <translation>{question} escalated</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{question} {answer} (at intake)</source>
        <translation>{question} {answer} (at intake)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Guidance {code} ({protocol})</source>
        <translation>Guidance {code} ({protocol})</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <location filename="../../console/ui/intake_dialog.py" line="+514"/>
        <source>New call</source>
        <translation>New call</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 · Safety first</source>
        <translation>1 · Safety first</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2 · Caller</source>
        <translation>2 · Caller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3 · Location</source>
        <translation>3 · Location</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>4 · Vehicle</source>
        <translation>4 · Vehicle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>5 · Fault and service</source>
        <translation>5 · Fault and service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>6 · Notes</source>
        <translation>6 · Notes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Vehicle stopped in a live traffic lane?</source>
        <translation>Vehicle stopped in a live traffic lane?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anyone injured?</source>
        <translation>Anyone injured?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Smoke or fire?</source>
        <translation>Smoke or fire?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EV warning: battery warning light, burning smell or hissing?</source>
        <translation>EV warning: battery warning light, burning smell or hissing?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Children, elderly, disabled or pregnant people on board?</source>
        <translation>Children, elderly, disabled or pregnant people on board?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fixed by phone: resolve remotely, send no crew</source>
        <translation>Fixed by phone: resolve remotely, send no crew</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caller asks for a scheduled visit later</source>
        <translation>Caller asks for a scheduled visit later</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Override priority:</source>
        <translation>Override priority:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Callback number</source>
        <translation>Callback number</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Coordinates</source>
        <translation>Coordinates</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The caller says</source>
        <translation>The caller says</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Override reason</source>
        <translation>Override reason</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>— choose what is wrong —</source>
        <translation>— choose what is wrong —</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Won&apos;t start</source>
        <translation>Won&apos;t start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flat tyre</source>
        <translation>Flat tyre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out of fuel or charge</source>
        <translation>Out of fuel or charge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locked out</source>
        <translation>Locked out</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stuck (mud, sand, snow, ditch)</source>
        <translation>Stuck (mud, sand, snow, ditch)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accident</source>
        <translation>Accident</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EV warning (battery or high voltage)</source>
        <translation>EV warning (battery or high voltage)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose what the caller describes: the service (and safety hints) follow</source>
        <translation>Choose what the caller describes: the service (and safety hints) follow</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lat</source>
        <translation>Lat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lon</source>
        <translation>Lon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 138 1234 5678 or 0571-87654321</source>
        <translation>e.g. 138 1234 5678 or 0571-87654321</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 30.27415</source>
        <translation>e.g. 30.27415</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 120.15515</source>
        <translation>e.g. 120.15515</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Road, kilometre post, landmark</source>
        <translation>Road, kilometre post, landmark</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 浙A12345</source>
        <translation>e.g. 浙A12345</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why the derived priority does not fit</source>
        <translation>Why the derived priority does not fit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type to search the depots&apos; cities</source>
        <translation>Type to search the depots&apos; cities</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the caller said, landmarks, access</source>
        <translation>What the caller said, landmarks, access</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use city centre</source>
        <translation>Use city centre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fill in approximate coordinates from the city&apos;s depots</source>
        <translation>Fill in approximate coordinates from the city&apos;s depots</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pick on map</source>
        <translation>Pick on map</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create request</source>
        <translation>Create request</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create the request (Ctrl+Enter)</source>
        <translation>Create the request (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guide the caller</source>
        <translation>Guide the caller</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Store the call in triage and walk the caller through a guidance script ({key})</source>
        <translation>Store the call in triage and walk the caller through a guidance script ({key})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear form</source>
        <translation>Clear form</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close; what you typed is kept for next time (Esc)</source>
        <translation>Close; what you typed is kept for next time (Esc)</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>{priority} — {reason}</source>
        <translation>{priority} — {reason}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Everyone out on the side away from traffic and behind the barrier; hazard lights on; warning triangle 150 m behind on an expressway.</source>
        <translation>Everyone out on the side away from traffic and behind the barrier; hazard lights on; warning triangle 150 m behind on an expressway.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Accident: ask whether anyone is hurt and whether 122 has been called.</source>
        <translation>Accident: ask whether anyone is hurt and whether 122 has been called.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Make sure 120 (ambulance) and 122 (traffic police) are called.</source>
        <translation>Make sure 120 (ambulance) and 122 (traffic police) are called.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Everyone away from the vehicle; make sure 119 (fire) is called.</source>
        <translation>Everyone away from the vehicle; make sure 119 (fire) is called.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do not touch orange high-voltage cables; keep 10 m away if it smokes.</source>
        <translation>Do not touch orange high-voltage cables; keep 10 m away if it smokes.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Choose a city from the list first.</source>
        <translation>Choose a city from the list first.</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>The request could not be saved; the connection may be down. Nothing was stored: try again.</source>
        <translation>The request could not be saved; the connection may be down. Nothing was stored: try again.</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Please correct the marked fields.</source>
        <translation>Please correct the marked fields.</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>An unfinished call from {time} was kept. Restore it?</source>
        <translation>An unfinished call from {time} was kept. Restore it?</translation>
    </message>
</context>
<context>
    <name>JobFieldStrip</name>
    <message>
        <location filename="../../console/ui/field/strip.py" line="+89"/>
        <source>Mark on scene</source>
        <translation>Mark on scene</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not yet</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hide this question until the crew leaves the scene and comes back</source>
        <translation>Hide this question until the crew leaves the scene and comes back</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Arrived? {crew} has stayed within {metres} m of the scene for {duration}.</source>
        <translation>Arrived? {crew} has stayed within {metres} m of the scene for {duration}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+14"/>
        <source>The crew</source>
        <translation>The crew</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Live ETA {minutes} min · from a fix {age} ago</source>
        <translation>Live ETA {minutes} min · from a fix {age} ago</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{crew} has sent no position: live ETA unknown</source>
        <translation>{crew} has sent no position: live ETA unknown</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No position from {crew} for {age}: live ETA unknown</source>
        <translation>No position from {crew} for {age}: live ETA unknown</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../console/ui/labels.py" line="-374"/>
        <source>Tow</source>
        <translation>Tow</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jump start</source>
        <translation>Jump start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tyre change</source>
        <translation>Tyre change</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fuel delivery</source>
        <translation>Fuel delivery</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extraction / winch-out</source>
        <translation>Extraction / winch-out</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lockout</source>
        <translation>Lockout</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EV charging assistance</source>
        <translation>EV charging assistance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EV high-voltage check</source>
        <translation>EV high-voltage check</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remote guidance</source>
        <translation>Remote guidance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P1</source>
        <translation>P1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P2</source>
        <translation>P2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P3</source>
        <translation>P3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Triage</source>
        <translation>Triage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved remotely</source>
        <translation>Resolved remotely</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Queued</source>
        <translation>Queued</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>Assigned</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+7"/>
        <source>En route</source>
        <translation>En route</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+7"/>
        <source>On scene</source>
        <translation>On scene</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+7"/>
        <source>Towing</source>
        <translation>Towing</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Available</source>
        <translation>Available</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Off duty</source>
        <translation>Off duty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out of service</source>
        <translation>Out of service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flatbed</source>
        <translation>Flatbed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wheel-lift</source>
        <translation>Wheel-lift</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service van</source>
        <translation>Service van</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EV service van</source>
        <translation>EV service van</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heavy wrecker</source>
        <translation>Heavy wrecker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EV high-voltage certified</source>
        <translation>EV high-voltage certified</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bilingual</source>
        <translation>Bilingual</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Combustion</source>
        <translation>Combustion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hybrid</source>
        <translation>Hybrid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Electric</source>
        <translation>Electric</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Car</source>
        <translation>Car</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SUV</source>
        <translation>SUV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light truck</source>
        <translation>Light truck</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heavy truck</source>
        <translation>Heavy truck</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urban road</source>
        <translation>Urban road</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expressway</source>
        <translation>Expressway</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rural road</source>
        <translation>Rural road</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chinese</source>
        <translation>Chinese</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dispatcher</source>
        <translation>Dispatcher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day shift</source>
        <translation>Day shift</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Night shift</source>
        <translation>Night shift</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Round the clock</source>
        <translation>Round the clock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live feed</source>
        <translation>Live feed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quiet feed</source>
        <translation>Quiet feed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Silent feed</source>
        <translation>Silent feed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device never reported</source>
        <translation>Device never reported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No device</source>
        <translation>No device</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caller name</source>
        <translation>Caller name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caller phone</source>
        <translation>Caller phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caller language</source>
        <translation>Caller language</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plate</source>
        <translation>Plate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make and model</source>
        <translation>Make and model</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Powertrain</source>
        <translation>Powertrain</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vehicle class</source>
        <translation>Vehicle class</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All-wheel drive</source>
        <translation>All-wheel drive</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latitude</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longitude</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Road type</source>
        <translation>Road type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service type</source>
        <translation>Service type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority reason</source>
        <translation>Priority reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crew</source>
        <translation>Crew</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call sign</source>
        <translation>Call sign</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Depot</source>
        <translation>Depot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vehicle kind</source>
        <translation>Vehicle kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skills</source>
        <translation>Skills</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ETA</source>
        <translation>ETA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price quote</source>
        <translation>Price quote</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancellation reason</source>
        <translation>Cancellation reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guidance path</source>
        <translation>Guidance path</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Request created</source>
        <translation>Request created</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Triage started</source>
        <translation>Triage started</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved by phone</source>
        <translation>Resolved by phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queued for a crew</source>
        <translation>Queued for a crew</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crew assigned</source>
        <translation>Crew assigned</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crew on the way</source>
        <translation>Crew on the way</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crew arrived</source>
        <translation>Crew arrived</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Towing started</source>
        <translation>Towing started</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Job completed</source>
        <translation>Job completed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request cancelled</source>
        <translation>Request cancelled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crew released</source>
        <translation>Crew released</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crew reassigned</source>
        <translation>Crew reassigned</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guidance outcome recorded</source>
        <translation>Guidance outcome recorded</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crew status changed</source>
        <translation>Crew status changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crew position reported</source>
        <translation>Crew position reported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demo data loaded</source>
        <translation>Demo data loaded</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Depots imported</source>
        <translation>Depots imported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crews imported</source>
        <translation>Crews imported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quote accepted by the caller</source>
        <translation>Quote accepted by the caller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bill disputed</source>
        <translation>Bill disputed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coverage entitlement added</source>
        <translation>Coverage entitlement added</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfaction recorded</source>
        <translation>Satisfaction recorded</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint opened</source>
        <translation>Complaint opened</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint answered</source>
        <translation>Complaint answered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint closed</source>
        <translation>Complaint closed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demo history loaded</source>
        <translation>Demo history loaded</translation>
    </message>
</context>
<context>
    <name>LeaveGuard</name>
    <message>
        <location filename="../../console/ui/leave_guard.py" line="+29"/>
        <source>a call in the new-call form</source>
        <translation>a call in the new-call form</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>guidance of {reference}</source>
        <translation>guidance of {reference}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Leave the open call?</source>
        <translation>Leave the open call?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still open: {work}.

Leave anyway? A call in the new-call form is kept as a draft; unsaved guidance answers are lost.</source>
        <translation>Still open: {work}.

Leave anyway? A call in the new-call form is kept as a draft; unsaved guidance answers are lost.</translation>
    </message>
</context>
<context>
    <name>LostDatabaseDialog</name>
    <message>
        <location filename="../../console/ui/lost_database.py" line="+45"/>
        <source>Database missing</source>
        <translation>Database missing</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database {path} held data before and is now missing or empty.</source>
        <translation>The database {path} held data before and is now missing or empty.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>If it was deleted or moved by mistake, quit and restore it from the latest backup (roadside-console restore BACKUP). A new database starts empty, with demo data only.</source>
        <translation>If it was deleted or moved by mistake, quit and restore it from the latest backup (roadside-console restore BACKUP). A new database starts empty, with demo data only.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Create a new database</source>
        <translation>Create a new database</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/ui/main_window.py" line="+675"/>
        <source>Roadside Assistance Dispatch Console</source>
        <translation>Roadside Assistance Dispatch Console</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;quest</source>
        <translation>Re&amp;quest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Crews</source>
        <translation>&amp;Crews</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Panels</source>
        <translation>&amp;Panels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Main toolbar</source>
        <translation>Main toolbar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New call</source>
        <translation>&amp;New call</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Take a new call (intake form)</source>
        <translation>Take a new call (intake form)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Search</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Search the queue</source>
        <translation>Search the queue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ne&amp;xt request</source>
        <translation>Ne&amp;xt request</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Select the next request</source>
        <translation>Select the next request</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pre&amp;vious request</source>
        <translation>Pre&amp;vious request</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select the previous request</source>
        <translation>Select the previous request</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reload the open requests now</source>
        <translation>Reload the open requests now</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Assign best crew</source>
        <translation>&amp;Assign best crew</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assign the first suggested crew to the selected request</source>
        <translation>Assign the first suggested crew to the selected request</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Dark theme</source>
        <translation>&amp;Dark theme</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Switch between light and dark</source>
        <translation>Switch between light and dark</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reset panel layout</source>
        <translation>&amp;Reset panel layout</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put every panel back in its place</source>
        <translation>Put every panel back in its place</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List every keyboard shortcut</source>
        <translation>List every keyboard shortcut</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Supervisor &amp;dashboard</source>
        <translation>Supervisor &amp;dashboard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the supervisor dashboard: KPIs, complaints, scorecards, reports</source>
        <translation>Open the supervisor dashboard: KPIs, complaints, scorecards, reports</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>New call</source>
        <translation>New call</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request queue</source>
        <translation>Request queue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Map</source>
        <translation>Map</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request detail</source>
        <translation>Request detail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crew board</source>
        <translation>Crew board</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crew suggestions</source>
        <translation>Crew suggestions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guidance</source>
        <translation>Guidance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The live map will appear here.</source>
        <translation>The live map will appear here.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crew suggestions for the selected request will appear here.</source>
        <translation>Crew suggestions for the selected request will appear here.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guidance scripts for the call will appear here.</source>
        <translation>Guidance scripts for the call will appear here.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The history of the selected request will appear here.</source>
        <translation>The history of the selected request will appear here.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Current time</source>
        <translation>Current time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User: {user}</source>
        <translation>User: {user}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Roadside Assistance Dispatch Console&lt;/b&gt;&lt;br&gt;Nationwide 24-hour roadside assistance: take calls, queue requests and dispatch crews.&lt;br&gt;Licensed under Apache-2.0.</source>
        <translation>&lt;b&gt;Roadside Assistance Dispatch Console&lt;/b&gt;&lt;br&gt;Nationwide 24-hour roadside assistance: take calls, queue requests and dispatch crews.&lt;br&gt;Licensed under Apache-2.0.</translation>
    </message>
    <message>
        <location line="+295"/>
        <source>Select a request first.</source>
        <translation>Select a request first.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Request {reference} created: {status}.</source>
        <translation>Request {reference} created: {status}.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>This database keeps no devices.</source>
        <translation>This database keeps no devices.</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Database file is missing: {source}</source>
        <translation>Database file is missing: {source}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database file was replaced: {source}</source>
        <translation>Database file was replaced: {source}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connected: {source}</source>
        <translation>Connected: {source}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disconnected, retrying: {source}</source>
        <translation>Disconnected, retrying: {source}</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Saved a rescue copy with {events} ledger events and {requests} requests to {path}. Restore it with: roadside-console restore {path}</source>
        <translation>Saved a rescue copy with {events} ledger events and {requests} requests to {path}. Restore it with: roadside-console restore {path}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save a rescue copy</source>
        <translation>Save a rescue copy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SQLite database (*.db);;All files (*)</source>
        <translation>SQLite database (*.db);;All files (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rescue copy</source>
        <translation>Rescue copy</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Open requests: {count}</source>
        <translation>Open requests: {count}</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <location filename="../../console/ui/map/labels.py" line="+24"/>
        <source>Provinces</source>
        <translation>Provinces</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <source>Depots</source>
        <translation>Depots</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Crews</source>
        <translation>Crews</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open requests</source>
        <translation>Open requests</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggested crews</source>
        <translation>Suggested crews</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source>Coverage holes</source>
        <translation>Coverage holes</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Map tiles</source>
        <translation>Map tiles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crew trail</source>
        <translation>Crew trail</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Legend</source>
        <translation>Legend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests by priority</source>
        <translation>Requests by priority</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crews by status</source>
        <translation>Crews by status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Larger dot: heavier vehicle</source>
        <translation>Larger dot: heavier vehicle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Depot (grouped when zoomed out)</source>
        <translation>Depot (grouped when zoomed out)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selected job</source>
        <translation>Selected job</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crew&apos;s trail since assignment (arrows: direction)</source>
        <translation>Crew&apos;s trail since assignment (arrows: direction)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>City a free capable crew misses (larger: worse)</source>
        <translation>City a free capable crew misses (larger: worse)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vehicle</source>
        <translation>Vehicle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Depot</source>
        <translation>Depot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capability</source>
        <translation>Capability</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nearest free crew</source>
        <translation>Nearest free crew</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New call at this point</source>
        <translation>New call at this point</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none free</source>
        <translation>none free</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nearest free crew: {nearest}</source>
        <translation>Nearest free crew: {nearest}</translation>
    </message>
    <message>
        <location filename="../../console/ui/map/panel.py" line="+95"/>
        <location line="+235"/>
        <source>Map</source>
        <translation>Map</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../console/ui/users_dialog.py" line="+93"/>
        <source>Add user</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New password</source>
        <translation>New password</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Display name</source>
        <translation>Display name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat password</source>
        <translation>Repeat password</translation>
    </message>
</context>
<context>
    <name>PlanMovesDialog</name>
    <message>
        <location filename="../../console/ui/dashboard/plan_moves.py" line="+39"/>
        <source>Move</source>
        <translation>Move</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New crew</source>
        <translation>New crew</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train</source>
        <translation>Train</translation>
    </message>
    <message>
        <location line="+47"/>
        <location line="+70"/>
        <source>Plan moves</source>
        <translation>Plan moves</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{file} (scenario {scenario}) · moves: {moves} · new crews: {additions} · crews to train: {training}</source>
        <translation>{file} (scenario {scenario}) · moves: {moves} · new crews: {additions} · crews to train: {training}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Call sign</source>
        <translation>Call sign</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Vehicle</source>
        <translation>Vehicle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Skills</source>
        <translation>Skills</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From depot</source>
        <translation>From depot</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To depot</source>
        <translation>To depot</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Export plan moves</source>
        <translation>Export plan moves</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved {path}</source>
        <translation>Saved {path}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open a coverage plan</source>
        <translation>Open a coverage plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coverage plans (*.json)</source>
        <translation>Coverage plans (*.json)</translation>
    </message>
</context>
<context>
    <name>Pricing</name>
    <message>
        <location filename="../../console/ui/pricing_text.py" line="+29"/>
        <location line="+11"/>
        <source>Base fee</source>
        <translation>Base fee</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Tow beyond the included km</source>
        <translation>Tow beyond the included km</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+11"/>
        <source>Night surcharge</source>
        <translation>Night surcharge</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+11"/>
        <source>Expressway surcharge</source>
        <translation>Expressway surcharge</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+11"/>
        <source>Heavy vehicle surcharge</source>
        <translation>Heavy vehicle surcharge</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Winching (per started 15 min)</source>
        <translation>Winching (per started 15 min)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting beyond the free minutes</source>
        <translation>Waiting beyond the free minutes</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tow</source>
        <translation>Tow</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Winching</source>
        <translation>Winching</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+2"/>
        <location line="+1"/>
        <location line="+1"/>
        <source>job</source>
        <translation>job</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>km</source>
        <translation>km</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>× 15 min</source>
        <translation>× 15 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Covered by {programme}</source>
        <translation>Covered by {programme}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No programme found: the caller pays the tariff</source>
        <translation>No programme found: the caller pays the tariff</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{programme} is not valid yet: the caller pays</source>
        <translation>{programme} is not valid yet: the caller pays</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{programme} has expired: the caller pays</source>
        <translation>{programme} has expired: the caller pays</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{programme} does not cover this service: the caller pays</source>
        <translation>{programme} does not cover this service: the caller pays</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{programme} does not cover this vehicle: the caller pays</source>
        <translation>{programme} does not cover this vehicle: the caller pays</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{programme}: this year&apos;s free uses are used up; the caller pays</source>
        <translation>{programme}: this year&apos;s free uses are used up; the caller pays</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{item} {billed} instead of {quoted}: {step} {unit} × {price} = {delta} (caller&apos;s part {caller})</source>
        <translation>{item} {billed} instead of {quoted}: {step} {unit} × {price} = {delta} (caller&apos;s part {caller})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{item} added ({billed}): {step} {unit} × {price} = {delta} (caller&apos;s part {caller})</source>
        <translation>{item} added ({billed}): {step} {unit} × {price} = {delta} (caller&apos;s part {caller})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{item} not needed: {step} {unit} × {price} = {delta} (caller&apos;s part {caller})</source>
        <translation>{item} not needed: {step} {unit} × {price} = {delta} (caller&apos;s part {caller})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit price</source>
        <translation>Unit price</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Covered</source>
        <translation>Covered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caller pays</source>
        <translation>Caller pays</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>PricingSection</name>
    <message>
        <location filename="../../console/ui/pricing_panel.py" line="+195"/>
        <source>No quote accepted yet.</source>
        <translation>No quote accepted yet.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tow to: {address} · {km} km quoted</source>
        <translation>Tow to: {address} · {km} km quoted</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Quote accepted: caller pays {caller} of {total}</source>
        <translation>Quote accepted: caller pays {caller} of {total}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Terms: {terms}</source>
        <translation>Terms: {terms}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bill: caller pays {caller} of {total}</source>
        <translation>Bill: caller pays {caller} of {total}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The bill is the quote: nothing changed.</source>
        <translation>The bill is the quote: nothing changed.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Disputed by the caller: {reason}</source>
        <translation>Disputed by the caller: {reason}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Cannot write {path}: {detail}</source>
        <translation>Cannot write {path}: {detail}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bill written to {path}</source>
        <translation>Bill written to {path}</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Dispute bill</source>
        <translation>Dispute bill</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why does the caller dispute the bill of {reference}?</source>
        <translation>Why does the caller dispute the bill of {reference}?</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export bill</source>
        <translation>Export bill</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JSON (*.json);;CSV (*.csv)</source>
        <translation>JSON (*.json);;CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Price and coverage</source>
        <translation>Price and coverage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quote…</source>
        <translation>Quote…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Price the job again and store what the caller accepts</source>
        <translation>Price the job again and store what the caller accepts</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export bill…</source>
        <translation>Export bill…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dispute…</source>
        <translation>Dispute…</translation>
    </message>
</context>
<context>
    <name>ProposalDialog</name>
    <message>
        <location filename="../../console/ui/proposal_dialog.py" line="+122"/>
        <source>Crews assigned: {count}.</source>
        <translation>Crews assigned: {count}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not assigned:</source>
        <translation>Not assigned:</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Queue proposal</source>
        <translation>Queue proposal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proposed crew</source>
        <translation>Proposed crew</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ETA (min)</source>
        <translation>ETA (min)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nearest free crew</source>
        <translation>Nearest free crew</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its ETA (min)</source>
        <translation>Its ETA (min)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>later</source>
        <translation>later</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{assigned} of {total} queued requests get a crew. Priority-weighted ETA {ours:.0f} min, against {theirs:.0f} min for the nearest free crew in queue order.</source>
        <translation>{assigned} of {total} queued requests get a crew. Priority-weighted ETA {ours:.0f} min, against {theirs:.0f} min for the nearest free crew in queue order.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Accept ticked</source>
        <translation>Accept ticked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept all</source>
        <translation>Accept all</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../console/ui/qt_texts.py" line="+17"/>
        <source>&amp;Look in:</source>
        <translation>&amp;Look in:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of &amp;type:</source>
        <translation>Files of &amp;type:</translation>
    </message>
</context>
<context>
    <name>QueueFilterBar</name>
    <message>
        <location filename="../../console/ui/filter_bar.py" line="+229"/>
        <source>Search reference, plate, phone or caller (Ctrl+F)</source>
        <translation>Search reference, plate, phone or caller (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Province or city</source>
        <translation>Province or city</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear filters</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show every open request</source>
        <translation>Show every open request</translation>
    </message>
</context>
<context>
    <name>QuoteDialog</name>
    <message>
        <location filename="../../console/ui/pricing_panel.py" line="-239"/>
        <source>Quote {reference}</source>
        <translation>Quote {reference}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store quote</source>
        <translation>Store quote</translation>
    </message>
</context>
<context>
    <name>QuoteWidget</name>
    <message>
        <location filename="../../console/ui/quote_widget.py" line="+178"/>
        <source>Enter the location and the service to see a quote.</source>
        <translation>Enter the location and the service to see a quote.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Tow distance must be a number of kilometres from 0 to 2000.</source>
        <translation>Tow distance must be a number of kilometres from 0 to 2000.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>The quote could not be priced; the connection may be down.</source>
        <translation>The quote could not be priced; the connection may be down.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Price and coverage</source>
        <translation>Price and coverage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Policy / member no.</source>
        <translation>Policy / member no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tow destination</source>
        <translation>Tow destination</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Destination lat, lon</source>
        <translation>Destination lat, lon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tow distance (km)</source>
        <translation>Tow distance (km)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Policy or member number, plate or last 6 of VIN</source>
        <translation>Policy or member number, plate or last 6 of VIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workshop or address the vehicle goes to</source>
        <translation>Workshop or address the vehicle goes to</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 30.80</source>
        <translation>e.g. 30.80</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 120.70</source>
        <translation>e.g. 120.70</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caller accepts this quote</source>
        <translation>Caller accepts this quote</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+23"/>
        <source>estimated from the destination</source>
        <translation>estimated from the destination</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>{count} free uses left this year after this one</source>
        <translation>{count} free uses left this year after this one</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Caller pays {caller} of {total} (programme pays {covered})</source>
        <translation>Caller pays {caller} of {total} (programme pays {covered})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Terms: {terms}</source>
        <translation>Terms: {terms}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>estimated {km} km</source>
        <translation>estimated {km} km</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <location filename="../../console/ui/dispatch_labels.py" line="+20"/>
        <source>{value} km</source>
        <translation>{value} km</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ETA {value} min</source>
        <translation>ETA {value} min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>free in ~{value} min</source>
        <translation>free in ~{value} min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GPS {value} min old</source>
        <translation>GPS {value} min old</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no GPS fix</source>
        <translation>no GPS fix</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>feed silent {value} min</source>
        <translation>feed silent {value} min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not {value}</source>
        <translation>not {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} jobs this shift</source>
        <translation>{value} jobs this shift</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>partner {value}% reliable</source>
        <translation>partner {value}% reliable</translation>
    </message>
</context>
<context>
    <name>RegionCombo</name>
    <message>
        <location filename="../../console/ui/filter_bar.py" line="-125"/>
        <location line="+21"/>
        <source>All regions</source>
        <translation>All regions</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{province} (all)</source>
        <translation>{province} (all)</translation>
    </message>
</context>
<context>
    <name>RequestDetailPanel</name>
    <message>
        <location filename="../../console/ui/request_detail.py" line="+250"/>
        <source>Caller</source>
        <translation>Caller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vehicle</source>
        <translation>Vehicle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service and dispatch</source>
        <translation>Service and dispatch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Times and service levels</source>
        <translation>Times and service levels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Coordinates</source>
        <translation>Coordinates</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call taken</source>
        <translation>Call taken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queued at</source>
        <translation>Queued at</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assign by</source>
        <translation>Assign by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrive by</source>
        <translation>Arrive by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ETA</source>
        <translation>ETA</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Start triage</source>
        <translation>Start triage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queue for dispatch</source>
        <translation>Queue for dispatch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved by phone</source>
        <translation>Resolved by phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>En route</source>
        <translation>En route</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On scene</source>
        <translation>On scene</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start tow</source>
        <translation>Start tow</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complete</source>
        <translation>Complete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Release crew…</source>
        <translation>Release crew…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel request…</source>
        <translation>Cancel request…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Select a request in the queue to see its details.</source>
        <translation>Select a request in the queue to see its details.</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>The request could not be read; the connection may be down.</source>
        <translation>The request could not be read; the connection may be down.</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+236"/>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <location line="-216"/>
        <source>ETA exceeds target by {minutes} min</source>
        <translation>ETA exceeds target by {minutes} min</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Release crew</source>
        <translation>Release crew</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel request</source>
        <translation>Cancel request</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reason for {reference}:</source>
        <translation>Reason for {reference}:</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+38"/>
        <source>The change could not be saved; the connection may be down.</source>
        <translation>The change could not be saved; the connection may be down.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Crew not at the scene?</source>
        <translation>Crew not at the scene?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The crew</source>
        <translation>The crew</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{crew} has no GPS fix, so its position is not known.</source>
        <translation>{crew} has no GPS fix, so its position is not known.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{crew}&apos;s last GPS fix is {km} km from the scene (fix {age} old).</source>
        <translation>{crew}&apos;s last GPS fix is {km} km from the scene (fix {age} old).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mark {reference} on scene anyway?</source>
        <translation>Mark {reference} on scene anyway?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Complete {reference}?</source>
        <translation>Complete {reference}?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{crew} becomes free for the next job.</source>
        <translation>{crew} becomes free for the next job.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Complete request</source>
        <translation>Complete request</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} h {minutes} min</translation>
    </message>
</context>
<context>
    <name>RequestQueueModel</name>
    <message>
        <location filename="../../console/ui/queue_model.py" line="+217"/>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vehicle</source>
        <translation>Vehicle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crew</source>
        <translation>Crew</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ETA (min)</source>
        <translation>ETA (min)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>+{time} overdue</source>
        <translation>+{time} overdue</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>ETA exceeds target by {minutes} min</source>
        <translation>ETA exceeds target by {minutes} min</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Triage: queue the request or resolve it by phone</source>
        <translation>Triage: queue the request or resolve it by phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assignment: a crew must be assigned</source>
        <translation>Assignment: a crew must be assigned</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrival: the crew must be on scene</source>
        <translation>Arrival: the crew must be on scene</translation>
    </message>
</context>
<context>
    <name>RequestTimelinePanel</name>
    <message>
        <location filename="../../console/ui/timeline_panel.py" line="+132"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+10"/>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Select a request to see its history.</source>
        <translation>Select a request to see its history.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>History of {reference}</source>
        <translation>History of {reference}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The history is unavailable: the database cannot be reached.</source>
        <translation>The history is unavailable: the database cannot be reached.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No events are recorded for this request.</source>
        <translation>No events are recorded for this request.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Reference {reference}</source>
        <translation>Reference {reference}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Previous crew {crew}</source>
        <translation>Previous crew {crew}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Crew {crew}</source>
        <translation>Crew {crew}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ETA {minutes} min</source>
        <translation>ETA {minutes} min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason: {reason}</source>
        <translation>Reason: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note: {note}</source>
        <translation>Note: {note}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Warning: the location is outside the service area</source>
        <translation>Warning: the location is outside the service area</translation>
    </message>
</context>
<context>
    <name>RevenueDialog</name>
    <message>
        <location filename="../../console/ui/revenue_dialog.py" line="+84"/>
        <source>The figures could not be read; the connection may be down.</source>
        <translation>The figures could not be read; the connection may be down.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No bills yet.</source>
        <translation>No bills yet.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Pay as you go</source>
        <translation>Pay as you go</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Revenue and covered cost by programme</source>
        <translation>Revenue and covered cost by programme</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Programme</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Jobs billed</source>
        <translation>Jobs billed</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Billed</source>
        <translation>Billed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Covered cost</source>
        <translation>Covered cost</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paid by callers</source>
        <translation>Paid by callers</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disputed bills</source>
        <translation>Disputed bills</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
</context>
<context>
    <name>RevenueMenu</name>
    <message>
        <location line="+34"/>
        <source>Revenue by programme…</source>
        <translation>Revenue by programme…</translation>
    </message>
</context>
<context>
    <name>RoleBadge</name>
    <message>
        <location filename="../../console/ui/session.py" line="+56"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role: {role}</source>
        <translation>Role: {role}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{role} · DEMO account</source>
        <translation>{role} · DEMO account</translation>
    </message>
</context>
<context>
    <name>SatisfactionDialog</name>
    <message>
        <location filename="../../console/ui/dashboard/dialogs.py" line="-59"/>
        <source>Satisfaction follow-up</source>
        <translation>Satisfaction follow-up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How satisfied was the caller of {reference}?</source>
        <translation>How satisfied was the caller of {reference}?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Score (1-5)</source>
        <translation>Score (1-5)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the caller said (optional)</source>
        <translation>What the caller said (optional)</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../console/ui/shortcuts_dialog.py" line="+124"/>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../console/ui/sign_in_dialog.py" line="+162"/>
        <source>Opening the database…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+7"/>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Roadside Assistance Dispatch Console</source>
        <translation>Roadside Assistance Dispatch Console</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User name</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Database: {url}</source>
        <translation>Database: {url}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Demo database. These demo accounts are for trying the console, never for real calls. Click one to fill it in:</source>
        <translation>Demo database. These demo accounts are for trying the console, never for real calls. Click one to fill it in:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{role}: {username} / password {password}</source>
        <translation>{role}: {username} / password {password}</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>First start: loading demo data…</source>
        <translation>First start: loading demo data…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The database could not be opened: {reason}</source>
        <translation>The database could not be opened: {reason}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Checking the password…</source>
        <translation>Checking the password…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Opening the console…</source>
        <translation>Opening the console…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Sign-in could not be checked; the database may be down.</source>
        <translation>Sign-in could not be checked; the database may be down.</translation>
    </message>
</context>
<context>
    <name>SuggestionPanel</name>
    <message>
        <location filename="../../console/ui/suggestion_panel.py" line="+283"/>
        <source>{crew} would arrive in {eta} min: {late} min after the arrival target for {reference}.</source>
        <translation>{crew} would arrive in {eta} min: {late} min after the arrival target for {reference}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No suggested crew would arrive sooner.</source>
        <translation>No suggested crew would arrive sooner.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(free in ~{minutes} min)</source>
        <translation>(free in ~{minutes} min)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Best alternative: {crew}, ETA {eta} min, within the target.</source>
        <translation>Best alternative: {crew}, ETA {eta} min, within the target.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Best alternative: {crew}, ETA {eta} min, {late} min late as well.</source>
        <translation>Best alternative: {crew}, ETA {eta} min, {late} min late as well.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>ETA over the arrival target</source>
        <translation>ETA over the arrival target</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Assign {crew} anyway</source>
        <translation>Assign {crew} anyway</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Assign {crew} instead</source>
        <translation>Assign {crew} instead</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Suggestions</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Crew</source>
        <translation>Crew</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ETA (min)</source>
        <translation>ETA (min)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assign first</source>
        <translation>Assign first</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assign the best crew (Ctrl+Return)</source>
        <translation>Assign the best crew (Ctrl+Return)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optimise queue…</source>
        <translation>Optimise queue…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Propose crews for every queued request at once</source>
        <translation>Propose crews for every queued request at once</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Finding suggested crews…</source>
        <translation>Finding suggested crews…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select a request to see suggested crews.</source>
        <translation>Select a request to see suggested crews.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{reference} · {service} · {status}</source>
        <translation>{reference} · {service} · {status}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Suggestions are shown for requests waiting for a crew.</source>
        <translation>Suggestions are shown for requests waiting for a crew.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No crew needed: this service is handled by phone.</source>
        <translation>No crew needed: this service is handled by phone.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Needs: {kinds}</source>
        <translation>Needs: {kinds}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No capable crew is free nearby.</source>
        <translation>No capable crew is free nearby.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Crew assigned; its ETA exceeds the target by {minutes} min.</source>
        <translation>Crew assigned; its ETA exceeds the target by {minutes} min.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Crew assigned.</source>
        <translation>Crew assigned.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{reason} Fresh suggestions are shown.</source>
        <translation>{reason} Fresh suggestions are shown.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Suggestions are unavailable: the database cannot be reached.</source>
        <translation>Suggestions are unavailable: the database cannot be reached.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{eta} (+{late} late)</source>
        <translation>{eta} (+{late} late)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>ETA exceeds the arrival target by {minutes} min</source>
        <translation>ETA exceeds the arrival target by {minutes} min</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The crew&apos;s position is old; the ETA is uncertain.</source>
        <translation>The crew&apos;s position is old; the ETA is uncertain.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Assign</source>
        <translation>Assign</translation>
    </message>
</context>
<context>
    <name>Triage</name>
    <message>
        <location filename="../../console/ui/triage_text.py" line="+22"/>
        <source>Vehicle stopped in a live lane</source>
        <translation>Vehicle stopped in a live lane</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Injuries reported</source>
        <translation>Injuries reported</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Smoke or fire reported</source>
        <translation>Smoke or fire reported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EV battery warning</source>
        <translation>EV battery warning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vehicle on an expressway</source>
        <translation>Vehicle on an expressway</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vulnerable occupants</source>
        <translation>Vulnerable occupants</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Night-time in a remote place</source>
        <translation>Night-time in a remote place</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Caller asked for a scheduled visit</source>
        <translation>Caller asked for a scheduled visit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No safety risk reported</source>
        <translation>No safety risk reported</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vehicle on expressway shoulder</source>
        <translation>Vehicle on expressway shoulder</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Collision reported</source>
        <translation>Collision reported</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Dispatcher override {old} → {new}: {reason}</source>
        <translation>Dispatcher override {old} → {new}: {reason}</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../console/ui/users_dialog.py" line="+71"/>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Display name</source>
        <translation>Display name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add user…</source>
        <translation>Add user…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset password…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Added {user}.</source>
        <translation>Added {user}.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>New password set for {user}.</source>
        <translation>New password set for {user}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{user} can sign in again.</source>
        <translation>{user} can sign in again.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disabled {user}.</source>
        <translation>Disabled {user}.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{state} · DEMO</source>
        <translation>{state} · DEMO</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Enable</source>
        <translation>Enable</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disable</source>
        <translation>Disable</translation>
    </message>
</context>
<context>
    <name>_SignOutAction</name>
    <message>
        <location filename="../../console/ui/session.py" line="+14"/>
        <source>Sign out / switch user…</source>
        <translation>Sign out / switch user…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the console and sign in as someone else</source>
        <translation>Close the console and sign in as someone else</translation>
    </message>
</context>
<context>
    <name>_UsersAction</name>
    <message>
        <location line="+7"/>
        <source>Users…</source>
        <translation>Users…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add users, reset passwords, disable accounts</source>
        <translation>Add users, reset passwords, disable accounts</translation>
    </message>
</context>
</TS>
