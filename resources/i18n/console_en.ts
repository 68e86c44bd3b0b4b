<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Errors</name>
    <message>
        <location filename="../../console/ui/labels.py" line="+172"/>
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
        <location line="+4"/>
        <source>A reason is required.</source>
        <translation>A reason is required.</translation>
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
        <location line="+4"/>
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
</context>
<context>
    <name>Labels</name>
    <message>
        <location line="-174"/>
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
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/ui/main_window.py" line="+209"/>
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
        <source>&amp;View</source>
        <translation>&amp;View</translation>
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
        <location line="+1"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reload the open requests now</source>
        <translation>Reload the open requests now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current time</source>
        <translation>Current time</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Roadside Assistance Dispatch Console&lt;/b&gt;&lt;br&gt;Nationwide 24-hour roadside assistance: take calls, queue requests and dispatch crews.&lt;br&gt;Licensed under Apache-2.0.</source>
        <translation>&lt;b&gt;Roadside Assistance Dispatch Console&lt;/b&gt;&lt;br&gt;Nationwide 24-hour roadside assistance: take calls, queue requests and dispatch crews.&lt;br&gt;Licensed under Apache-2.0.</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Connected: {source}</source>
        <translation>Connected: {source}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disconnected: {source}</source>
        <translation>Disconnected: {source}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open requests: {count}</source>
        <translation>Open requests: {count}</translation>
    </message>
</context>
<context>
    <name>RequestQueueModel</name>
    <message>
        <location filename="../../console/ui/queue_model.py" line="+197"/>
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
        <location line="+68"/>
        <source>+{time} overdue</source>
        <translation>+{time} overdue</translation>
    </message>
</context>
</TS>
