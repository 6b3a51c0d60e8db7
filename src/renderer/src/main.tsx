import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { App } from './App'
import './styles.css'
import { applyTheme, storedThemeChoice } from './theme/theme'

// Before the first paint, so a dark OS never sees a flash of the light theme.
applyTheme(storedThemeChoice(window.localStorage))

// Main is local and authoritative: no retries, no refetch on focus, answers are fresh until an edit.
const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: Infinity },
    mutations: { retry: false },
  },
})

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
)
