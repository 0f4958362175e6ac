/*
 * A stand-in bcryptprimitives.dll for smoke tests under Debian's Wine 8 only.
 *
 * Go 1.24 and later draw random numbers from ProcessPrng in
 * bcryptprimitives.dll, which Wine 8 lacks, so every Go program dies at start.
 * This DLL exports ProcessPrng on top of SystemFunction036 (RtlGenRandom) from
 * advapi32. Windows 10 and 11 have the real DLL: it is never shipped.
 *
 * x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll bcryptprimitives.c -ladvapi32
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
	while (length > 0) {
		ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
		if (!SystemFunction036(data, chunk))
			return FALSE;
		data += chunk;
		length -= chunk;
	}
	return TRUE;
}
