// warcio.js (webrecorder's WARC library, from npm) as an oracle for sahifa's WARC
// reader: prints "offset sha256" of every HTTP 200 HTML response body (decoded as
// warcio decodes it: chunks joined, gzip/deflate inflated) and every HTML resource.
import { WARCParser } from "warcio";
import fs from "fs";
import crypto from "crypto";

const parser = new WARCParser(fs.createReadStream(process.argv[2]));
for await (const record of parser) {
	const t = record.warcType;
	let type = "";
	if (t === "response") {
		if (!record.httpHeaders || record.httpHeaders.statusCode !== 200) continue;
		type = record.httpHeaders.headers.get("content-type") || "";
	} else if (t === "resource") {
		type = record.warcHeaders.headers.get("content-type") || "";
	} else continue;
	type = type.split(";")[0].trim().toLowerCase();
	if (type !== "text/html" && type !== "application/xhtml+xml") continue;
	const body = await record.readFully(true);
	console.log(parser.offset, crypto.createHash("sha256").update(body).digest("hex"));
}
