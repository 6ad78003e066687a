import { expect, it } from "vitest"
import { docbookToText } from "../../src/domain/options/docbook.js"

it("turns 19.09's DocBook descriptions into plain text", () => {
  expect(docbookToText("Specification (in the format described by\n<citerefentry><refentrytitle>systemd.time</refentrytitle>\n<manvolnum>7</manvolnum></citerefentry>) of the time.\n"))
    .toBe("Specification (in the format described by\nsystemd.time(7)) of the time.")
  expect(docbookToText("The special value <literal>nodev</literal> means &lt;none&gt;. See <link\nxlink:href=\"https://example.org\"/>.</para><para>Next <option>x.y</option>."))
    .toBe("The special value nodev means <none>. See https://example.org.\n\nNext x.y.")
})
