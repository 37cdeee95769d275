// Builds ZIP files for the extension tests, byte by byte (PKWARE APPNOTE.TXT
// 4.3), members deflated with Node's zlib: a well-formed LinkedIn export and
// hostile archives (a lying size, a bomb, a flag, a cut-off end).
import {deflateRawSync} from 'node:zlib';

const table = Array.from({length: 256}, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) {
		c = c & 1 ? 0xED_B8_83_20 ^ (c >>> 1) : c >>> 1;
	}

	return c >>> 0;
});

export function crc32(bytes) {
	let crc = 0xFF_FF_FF_FF;
	for (const byte of bytes) {
		crc = table[(crc ^ byte) & 0xFF] ^ (crc >>> 8);
	}

	return (crc ^ 0xFF_FF_FF_FF) >>> 0;
}

// members: [{name, data (string or Uint8Array), stored?, flags?, badCrc?}]
export function buildZip(members) {
	const parts = [];
	const central = [];
	let offset = 0;
	for (const member of members) {
		const data = typeof member.data === 'string' ? Buffer.from(member.data, 'utf8') : Buffer.from(member.data);
		const packed = member.stored ? data : deflateRawSync(data, {level: 9});
		const name = Buffer.from(member.name, 'utf8');
		const crc = (crc32(data) ^ (member.badCrc ? 0xFF_FF_FF_FF : 0)) >>> 0;
		const fields = (header, signature) => {
			header.writeUInt32LE(signature, 0);
		};

		const local = Buffer.alloc(30);
		fields(local, 0x04_03_4B_50);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(member.flags ?? 0, 6);
		local.writeUInt16LE(member.stored ? 0 : 8, 8);
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(packed.length, 18);
		local.writeUInt32LE(data.length, 22);
		local.writeUInt16LE(name.length, 26);
		parts.push(local, name, packed);
		const entry = Buffer.alloc(46);
		fields(entry, 0x02_01_4B_50);
		entry.writeUInt16LE(20, 4);
		entry.writeUInt16LE(20, 6);
		entry.writeUInt16LE(member.flags ?? 0, 8);
		entry.writeUInt16LE(member.stored ? 0 : 8, 10);
		entry.writeUInt32LE(crc, 16);
		entry.writeUInt32LE(packed.length, 20);
		entry.writeUInt32LE(member.saySize ?? data.length, 24);
		entry.writeUInt16LE(name.length, 28);
		entry.writeUInt32LE(offset, 42);
		central.push(entry, name);
		offset += 30 + name.length + packed.length;
	}

	const directory = Buffer.concat(central);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06_05_4B_50, 0);
	end.writeUInt16LE(members.length, 8);
	end.writeUInt16LE(members.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...parts, directory, end]);
}

// LinkedIn's export as LinkedIn sends it (member names and header rows as
// public exports have them, 2026-12), with fictional data; `messageRows`
// makes the complete archive's bulk.
export const linkedinCsv = {
	'Profile.csv': 'First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\r\nAda,Whitfield,,,,Principal Engineer at Lumen Labs,,,,"Boston, Massachusetts, United States",,,\r\n',
	'Positions.csv': 'Company Name,Title,Description,Location,Started On,Finished On\r\nLumen Labs,Principal Engineer,,Boston,Mar 2021,\r\n',
	'Education.csv': 'School Name,Start Date,End Date,Notes,Degree Name,Activities\r\nNorthfield University,2012,2016,,"BSc, Computer Science",\r\n',
	'Certifications.csv': 'Name,Url,Authority,Started On,Finished On,License Number\r\nCertified Cloud Practitioner,https://certs.example/ada,Cloud Guild,May 2023,,CG-1234\r\n',
};

export function linkedinExport(messageRows = 0) {
	const members = [
		{name: 'Connections.csv', data: 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nBo,Lind,https://www.linkedin.com/in/bo-example,,Harbor,Analyst,01 Mar 2020\r\n'},
		...Object.entries(linkedinCsv).map(([name, data]) => ({name, data})),
		{name: 'Jobs/Saved Jobs.csv', data: 'Saved Date,Job Url,Job Title,Company Name\r\n'},
	];
	if (messageRows > 0) {
		const rows = ['CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER'];
		for (let i = 0; i < messageRows; i++) {
			rows.push(`2-${i},,Bo Lind,https://www.linkedin.com/in/bo-example,Ada Whitfield,2024-01-01 10:00:00 UTC,,"Hello again, message number ${i} ${(i * 7919).toString(36)}",INBOX`);
		}

		members.push({name: 'messages.csv', data: rows.join('\r\n')});
	}

	return buildZip(members);
}
